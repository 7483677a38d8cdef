using LeadSync.Core.Leads;

namespace LeadSync.Core.Intake;

/// <summary>What a source adapter extracted from one delivery, before it becomes a stored lead.</summary>
public sealed record LeadDraft
{
    /// <summary>The vendor's delivery key (e.g. Standard Webhooks <c>webhook-id</c>) that makes redelivery idempotent.</summary>
    public required string DeliveryKey { get; init; }
    public required ContactDetails Contact { get; init; }
    public int? Score { get; init; }
    public string? Campaign { get; init; }
    public string? EventType { get; init; }
}

namespace LeadSync.Core.Crm.DeadLetters;

/// <summary>A lead the CRM would not take after the allowed attempts, with the CRM's reason, shown to admins.</summary>
public sealed record DeadLetter
{
    public required string Id { get; init; }
    public required string LeadId { get; init; }
    public required string Crm { get; init; }
    public required string Reason { get; init; }
    public required CrmOutcomeKind Kind { get; init; }
    public required int Attempts { get; init; }
    public required DateTimeOffset At { get; init; }
    public DateTimeOffset? ReplayedAt { get; init; }
    public string? ETag { get; init; }
}

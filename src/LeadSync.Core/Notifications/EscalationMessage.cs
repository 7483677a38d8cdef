namespace LeadSync.Core.Notifications;

/// <summary>What a sales owner or manager is told when a lead breaches its SLA.</summary>
public sealed record EscalationMessage
{
    public required string NoticeId { get; init; }
    public required string LeadId { get; init; }
    public required int Level { get; init; }
    public required string Recipient { get; init; }
    public required string LeadName { get; init; }
    public string? Company { get; init; }
    public required string Source { get; init; }
    public string? Owner { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset DeadlineAt { get; init; }
    public required TimeSpan Late { get; init; }
    public required Uri LeadLink { get; init; }

    /// <summary>The owner's manager from the admin escalation directory, when listed.</summary>
    public string? Manager { get; init; }

    /// <summary>The owner's channel (chat channel or URL) from the admin escalation directory, when listed.</summary>
    public string? Channel { get; init; }
}

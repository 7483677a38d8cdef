namespace LeadSync.Core.Notifications;

/// <summary>
/// The record that a (lead, level) escalation fired. Written in the same atomic write as the escalation itself,
/// so each level fires exactly once; delivery then retries until it is marked sent.
/// </summary>
public sealed record EscalationNotice
{
    public required string LeadId { get; init; }
    public required int Level { get; init; }
    public required string Recipient { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }
    public required DateTimeOffset DeadlineAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? DeliveredTo { get; init; }
    public int Attempts { get; init; }
    public string? ETag { get; init; }

    /// <summary>The lead's cycle (<c>ReEngagedCount</c>) it fired in, so a re-engaged lead's ladder starts afresh.</summary>
    public int Cycle { get; init; }

    public bool IsSent => SentAt is not null;

    public string Id => $"{LeadId}.{Level}";
}

namespace LeadSync.Core.Leads;

/// <summary>
/// A lead's next version together with the timeline entries that explain it and any escalation notices it raises;
/// all of it is written atomically.
/// </summary>
public sealed record LeadChange(Lead Lead, IReadOnlyList<TimelineEntry> Entries)
{
    public IReadOnlyList<EscalationNotice> Notices { get; init; } = [];
}

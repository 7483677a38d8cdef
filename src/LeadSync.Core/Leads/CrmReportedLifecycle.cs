namespace LeadSync.Core.Leads;

/// <summary>
/// The moves the CRM may report on top of <see cref="LeadLifecycle"/>. The CRM is the source of truth for what sales
/// did, and it can be ahead of LeadSync: a callback can arrive before LeadSync has recorded the upsert's answer
/// (SalesReady → Contacted / Converted / Recycled), and sales can convert a lead LeadSync recycled before the nurture
/// write-back (Recycled → Converted). LeadSync's own jobs stay on <see cref="LeadLifecycle"/>.
/// </summary>
public static class CrmReportedLifecycle
{
    public static bool IsAllowed(LeadStatus from, LeadStatus to) =>
        LeadLifecycle.IsAllowed(from, to)
        || (from == LeadStatus.SalesReady && to is LeadStatus.Contacted or LeadStatus.Converted or LeadStatus.Recycled)
        || (from == LeadStatus.Recycled && to == LeadStatus.Converted);

    /// <summary>
    /// True when the move skips the Synced step: the CRM holds the lead although LeadSync has not recorded the sync yet,
    /// so the sync is recorded implicitly with the move.
    /// </summary>
    public static bool SkipsSync(LeadStatus from, LeadStatus to) =>
        from == LeadStatus.SalesReady && to is LeadStatus.Contacted or LeadStatus.Converted or LeadStatus.Recycled or LeadStatus.Disqualified;

    /// <summary>Moves the lead as the CRM reported, or throws when even the CRM cannot make this move.</summary>
    public static LeadChange Transition(Lead lead, LeadStatus to, DateTimeOffset at, string actor, string detail)
    {
        if (!IsAllowed(lead.Status, to))
        {
            throw new IllegalLeadTransitionException(lead.Status, to);
        }

        var next = lead with { Status = to, StatusChangedAt = at };
        return new LeadChange(next, [new TimelineEntry(at, actor, LeadLifecycle.EventFor(to), detail)]);
    }
}

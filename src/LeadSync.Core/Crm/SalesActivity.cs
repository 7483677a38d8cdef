namespace LeadSync.Core.Crm;

/// <summary>Turns what the CRM reports about a lead into the lifecycle move it implies (pure).</summary>
public static class SalesActivity
{
    public static LeadChange? Decide(Lead lead, CrmTouch touch, DateTimeOffset now, string actor)
    {
        var touchedAt = touch.FirstTouchAt is { } at && at <= now ? at : now;
        var target = touch.State switch
        {
            CrmLeadState.Contacted => LeadStatus.Contacted,
            CrmLeadState.Converted => LeadStatus.Converted,
            CrmLeadState.Disqualified => LeadStatus.Disqualified,
            CrmLeadState.Nurture => LeadStatus.Recycled,
            _ => (LeadStatus?)null,
        };
        if (target is not { } to || lead.Status == to || !CrmReportedLifecycle.IsAllowed(lead.Status, to))
        {
            return null;
        }

        var detail = to switch
        {
            LeadStatus.Contacted => $"First touch at {touchedAt:u}.",
            LeadStatus.Recycled => "CRM status is in the nurture set.",
            _ => $"Reported by {actor}.",
        };
        var change = CrmReportedLifecycle.Transition(lead, to, now, actor, detail);
        var skipsSync = CrmReportedLifecycle.SkipsSync(lead.Status, to);
        var next = change.Lead with
        {
            // The CRM already holds the lead: the sync is recorded now; the upsert's answer later adds the record id.
            SyncedAt = skipsSync ? now : lead.SyncedAt,
            FirstTouchAt = lead.FirstTouchAt ?? (to is LeadStatus.Contacted or LeadStatus.Converted ? touchedAt : null),
            Owner = touch.Owner ?? lead.Owner,
            RecycleCount = to == LeadStatus.Recycled ? lead.RecycleCount + 1 : lead.RecycleCount,
            RecycleReason = to == LeadStatus.Recycled ? Recycle.RecycleReasons.CrmNurtureStatus : lead.RecycleReason,
            LastRecycledAt = to == LeadStatus.Recycled ? now : lead.LastRecycledAt,
            NurturePushedAt = to == LeadStatus.Recycled ? null : lead.NurturePushedAt,
        };
        IReadOnlyList<TimelineEntry> entries = skipsSync
            ? [new TimelineEntry(now, actor, LeadEvents.Synced,
                $"Sync recorded implicitly: {actor} reported the lead {touch.State} before LeadSync recorded the upsert's answer."), .. change.Entries]
            : change.Entries;
        return new LeadChange(next, entries) { Notices = change.Notices };
    }
}

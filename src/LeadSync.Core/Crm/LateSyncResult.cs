namespace LeadSync.Core.Crm;

/// <summary>
/// The upsert's answer arriving after a CRM event already moved the lead past SalesReady (the event recorded the sync
/// implicitly, see <see cref="CrmReportedLifecycle"/>): the record id and, when sales set none, the owner are added;
/// the status never goes back to Synced (pure).
/// </summary>
public static class LateSyncResult
{
    public static LeadChange? Record(Lead lead, Lead readBeforeUpsert, CrmUpsertResult result, DateTimeOffset now, string crm)
    {
        // Only a lead the CRM reported while this upsert was in flight, i.e. one the CRM event synced implicitly.
        var syncedByEvent = readBeforeUpsert.Status == LeadStatus.SalesReady && lead.SyncedAt is { } at && at >= readBeforeUpsert.StatusChangedAt;
        if (!syncedByEvent || lead.Status is LeadStatus.SalesReady or LeadStatus.Synced || result.CrmId is null
            || string.Equals(lead.CrmId, result.CrmId, StringComparison.Ordinal))
        {
            return null;
        }

        var next = lead with
        {
            CrmId = result.CrmId,
            Owner = lead.Owner ?? result.Owner,
            SyncAttempts = lead.SyncAttempts + 1,
        };
        var entry = new TimelineEntry(now, crm, LeadEvents.Synced,
            $"Upserted into {crm} as {result.CrmId}; the lead stays {lead.Status} (the CRM reported it before this answer was recorded).");
        return new LeadChange(next, [entry]);
    }
}

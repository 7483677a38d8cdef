namespace LeadSync.Core.Reports;

/// <summary>
/// The closed-loop report back to marketing: per source, campaign or owner, what happened to the leads received in a
/// range of UTC days. Reads the report index for those days only (one partition query per day), never all leads.
/// </summary>
public sealed class FunnelReport(IFunnelIndex index)
{
    public const string Unassigned = "(none)";

    public async Task<FunnelReportResult> BuildAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        var rows = await index.ReadAsync(query.From, query.To, cancellationToken);
        var groups = rows
            .GroupBy(r => KeyOf(r, query.GroupBy) ?? Unassigned, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, [.. g]))
            .ToList();
        return new FunnelReportResult(query.From, query.To, query.GroupBy.ToString().ToLowerInvariant(), groups);
    }

    public static FunnelGroup Summarize(string key, IReadOnlyList<FunnelRow> rows)
    {
        var synced = rows.Where(r => r.SyncedAt is not null).ToList();
        var touched = rows.Where(r => r.FirstTouchAt is not null).ToList();
        var recycled = rows
            .Select(r => r.Status == LeadStatus.Recycled ? r.RecycleReason ?? RecycleReasons.NoProgress
                : r.CloseReason == RecycleReasons.Exhausted ? RecycleReasons.Exhausted : null)
            .OfType<string>()
            .GroupBy(r => r, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new FunnelGroup
        {
            Key = key,
            Received = rows.Count,
            SalesReady = rows.Count(r => r.Status is not (LeadStatus.Received or LeadStatus.Nurture)),
            Synced = synced.Count,
            ContactedWithinSla = touched.Count(r => r.SlaDueAt is not { } due || r.FirstTouchAt <= due),
            ContactedLate = touched.Count(r => r.SlaDueAt is { } due && r.FirstTouchAt > due),
            NeverContacted = synced.Count(r => r.FirstTouchAt is null),
            Escalated = rows.Count(r => r.EscalationLevel > 0),
            InProgress = rows.Count(r => r.Status is LeadStatus.SalesReady or LeadStatus.Synced or LeadStatus.Contacted),
            Converted = rows.Count(r => r.Status == LeadStatus.Converted),
            RecycledByReason = recycled,
            ReEngaged = rows.Count(r => r.ReEngagedCount > 0),
            MarketingTouches = rows.Sum(r => 1 + r.AdditionalTouches),
            Attempts = rows.Sum(r => r.Attempts),
            CheckpointsMet = rows.Sum(r => r.CheckpointsMet),
            CheckpointsMissed = rows.Sum(r => r.CheckpointsMissed),
            TimeToFirstTouch = LatencyStats.Of(touched.Select(r => r.FirstTouchAt!.Value - r.ReceivedAt)),
            SystemLatency = LatencyStats.Of(synced.Select(r => r.SyncedAt!.Value - r.ReceivedAt)),
            HumanLatency = LatencyStats.Of(touched.Where(r => r.SyncedAt is not null).Select(r => r.FirstTouchAt!.Value - r.SyncedAt!.Value)),
        };
    }

    private static string? KeyOf(FunnelRow row, FunnelGroupBy groupBy) => groupBy switch
    {
        FunnelGroupBy.Campaign => row.Campaign,
        FunnelGroupBy.Owner => row.Owner,
        _ => row.Source,
    };
}

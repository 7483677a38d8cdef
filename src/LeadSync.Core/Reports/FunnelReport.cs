namespace LeadSync.Core.Reports;

/// <summary>
/// The closed-loop report back to marketing: per source, campaign, owner, team or ISO week, what happened to the
/// leads received in a range of UTC days. Reads the report index for those days only (one partition-range query),
/// never the leads themselves.
/// </summary>
public sealed class FunnelReport(IFunnelIndex index)
{
    public const string Unassigned = "(none)";

    public async Task<FunnelReportResult> BuildAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await index.ReadAsync(query.From, query.To, cancellationToken);
        return Build(query, rows);
    }

    /// <summary>The report of <paramref name="query"/> over index rows already read (pure; rows outside the query's days are ignored).</summary>
    public static FunnelReportResult Build(FunnelQuery query, IEnumerable<FunnelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(query);
        var counted = rows.Where(r => r.Day >= query.From && r.Day <= query.To && query.Matches(r)).ToList();
        var groups = counted
            .GroupBy(r => KeyOf(r, query.GroupBy), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, [.. g]))
            .ToList();
        return new FunnelReportResult(query.From, query.To, query.GroupBy.ToString().ToLowerInvariant(), groups)
        {
            Total = Summarize("(all)", counted),
            FirstTouchDistribution = LatencyBucket.Of(counted),
            IncludeTest = query.IncludeTest,
        };
    }

    public static FunnelGroup Summarize(string key, IReadOnlyList<FunnelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var synced = rows.Where(r => r.SyncedAt is not null).ToList();
        var touched = rows.Where(r => r.FirstTouchAt is not null).ToList();
        var recycled = rows
            .Select(r => r.Status == LeadStatus.Recycled ? r.RecycleReason ?? RecycleReasons.NoProgress
                : r.CloseReason == RecycleReasons.Exhausted ? RecycleReasons.Exhausted : null)
            .OfType<string>()
            .GroupBy(r => r, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var slaMet = rows.Count(r => r.SlaMet == true);
        var slaMissed = rows.Count(r => r.SlaMet == false);
        var attempts = rows.Sum(r => r.Attempts);
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
            Contacted = touched.Count,
            Recycled = rows.Count(r => r.Status == LeadStatus.Recycled),
            Dropped = rows.Count(r => r.Status == LeadStatus.Disqualified),
            ByStatus = Enum.GetValues<LeadStatus>().ToDictionary(s => s.ToString(), s => rows.Count(r => r.Status == s), StringComparer.Ordinal),
            RecycledByReason = recycled,
            ReEngaged = rows.Count(r => r.ReEngagedCount > 0),
            MarketingTouches = rows.Sum(r => 1 + r.AdditionalTouches),
            Attempts = attempts,
            AttemptsPerLead = synced.Count == 0 ? null : Math.Round((double)attempts / synced.Count, 2),
            CheckpointsMet = rows.Sum(r => r.CheckpointsMet),
            CheckpointsMissed = rows.Sum(r => r.CheckpointsMissed),
            SlaMet = slaMet,
            SlaMissed = slaMissed,
            SlaMetPercent = slaMet + slaMissed == 0 ? null : Math.Round(100.0 * slaMet / (slaMet + slaMissed), 1),
            TimeToFirstTouch = LatencyStats.Of(touched.Select(r => r.FirstTouchAt!.Value - r.ReceivedAt)),
            BusinessTimeToFirstTouch = LatencyStats.Of(rows.Where(r => r.BusinessMinutesToFirstTouch is not null)
                .Select(r => TimeSpan.FromMinutes(r.BusinessMinutesToFirstTouch!.Value))),
            SystemLatency = LatencyStats.Of(synced.Select(r => r.SyncedAt!.Value - r.ReceivedAt)),
            HumanLatency = LatencyStats.Of(touched.Where(r => r.SyncedAt is not null).Select(r => r.FirstTouchAt!.Value - r.SyncedAt!.Value)),
        };
    }

    /// <summary>The ISO 8601 week of a UTC day, e.g. <c>2026-W48</c> (sorts in time order).</summary>
    public static string WeekOf(DateOnly day)
    {
        var at = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at):D4}-W{ISOWeek.GetWeekOfYear(at):D2}");
    }

    private static string KeyOf(FunnelRow row, FunnelGroupBy groupBy)
    {
        var key = groupBy switch
        {
            FunnelGroupBy.Campaign => row.Campaign,
            FunnelGroupBy.Owner => row.Owner,
            FunnelGroupBy.Team => row.Team,
            FunnelGroupBy.Week => WeekOf(row.Day),
            _ => row.Source,
        };
        return string.IsNullOrEmpty(key) ? Unassigned : key;
    }
}

namespace LeadSync.Core.Reports;

/// <summary>
/// The closed-loop report back to marketing: per source, campaign, owner, team or ISO week, what happened to the
/// leads received in a range of UTC days. Reads the day rollups of the report index for those days only
/// (<see cref="IFunnelDays"/>), never the leads themselves; every figure is the same as over the index rows.
/// </summary>
public sealed class FunnelReport(IFunnelDays days)
{
    public const string Unassigned = "(none)";

    public async Task<FunnelReportResult> BuildAsync(FunnelQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rollups = await days.ReadAsync(query.From, query.To, cancellationToken);
        return Build(query, rollups);
    }

    /// <summary>The report of <paramref name="query"/> over index rows already read (pure; rows outside the query's days are ignored).</summary>
    public static FunnelReportResult Build(FunnelQuery query, IEnumerable<FunnelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        return Build(query, FunnelDay.OfRows(rows.Where(r => r.Day >= query.From && r.Day <= query.To)));
    }

    /// <summary>The report of <paramref name="query"/> over day rollups (pure; days outside the query's range are ignored).</summary>
    public static FunnelReportResult Build(FunnelQuery query, IEnumerable<FunnelDay> rollups)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rollups);
        var groups = new SortedDictionary<string, FunnelTally>(StringComparer.Ordinal);
        var total = new FunnelTally();
        foreach (var day in rollups.Where(d => d.Day >= query.From && d.Day <= query.To))
        {
            foreach (var cell in day.Cells.Where(c => query.Matches(c.Source, c.Campaign, c.Owner, c.IsTest)))
            {
                var key = KeyOf(cell, day.Day, query.GroupBy);
                if (!groups.TryGetValue(key, out var tally))
                {
                    tally = new FunnelTally();
                    groups[key] = tally;
                }

                tally.Merge(cell.Tally);
                total.Merge(cell.Tally);
            }
        }

        return new FunnelReportResult(query.From, query.To, query.GroupBy.ToString().ToLowerInvariant(), [.. groups.Select(g => g.Value.ToGroup(g.Key))])
        {
            Total = total.ToGroup("(all)"),
            FirstTouchDistribution = LatencyBucket.Of(total),
            IncludeTest = query.IncludeTest,
        };
    }

    public static FunnelGroup Summarize(string key, IReadOnlyList<FunnelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tally = new FunnelTally();
        foreach (var row in rows)
        {
            tally.Add(row);
        }

        return tally.ToGroup(key);
    }

    /// <summary>The ISO 8601 week of a UTC day, e.g. <c>2026-W48</c> (sorts in time order).</summary>
    public static string WeekOf(DateOnly day)
    {
        var at = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at):D4}-W{ISOWeek.GetWeekOfYear(at):D2}");
    }

    private static string KeyOf(FunnelCell cell, DateOnly day, FunnelGroupBy groupBy)
    {
        var key = groupBy switch
        {
            FunnelGroupBy.Campaign => cell.Campaign,
            FunnelGroupBy.Owner => cell.Owner,
            FunnelGroupBy.Team => cell.Team,
            FunnelGroupBy.Week => WeekOf(day),
            _ => cell.Source,
        };
        return string.IsNullOrEmpty(key) ? Unassigned : key;
    }
}

namespace LeadSync.Core.Reports;

/// <summary>
/// The rollup of one UTC day of the report index: one <see cref="FunnelCell"/> per combination of source, campaign,
/// owner, team and test flag present that day. It holds every figure a report over any grouping and filter needs, so a
/// report reads one of these per day instead of one index row per lead cycle.
/// </summary>
public sealed record FunnelDay(DateOnly Day, IReadOnlyList<FunnelCell> Cells)
{
    /// <summary>The rollup of <paramref name="rows"/> (the index rows of <paramref name="day"/>; rows of other days are ignored).</summary>
    public static FunnelDay Of(DateOnly day, IEnumerable<FunnelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var cells = new Dictionary<(string, string?, string?, string?, bool), FunnelCell>();
        foreach (var row in rows.Where(r => r.Day == day))
        {
            var key = (row.Source, row.Campaign, row.Owner, row.Team, row.IsTest);
            if (!cells.TryGetValue(key, out var cell))
            {
                cell = new FunnelCell(row.Source, row.Campaign, row.Owner, row.Team, row.IsTest);
                cells[key] = cell;
            }

            cell.Tally.Add(row);
        }

        return new FunnelDay(day, [.. cells.Values]);
    }

    /// <summary>One rollup per day that has rows, in day order.</summary>
    public static IReadOnlyList<FunnelDay> OfRows(IEnumerable<FunnelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g => Of(g.Key, g))];
    }
}

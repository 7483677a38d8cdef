using System.Text.Json;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Reports;

namespace LeadSync.Core.Tests.Reports;

/// <summary>
/// Property: a report built from day rollups (also after a trip through the storage codec) is, figure for figure, the
/// report the row-by-row computation gives over the same index rows. The reference below is the row-by-row
/// <c>FunnelReport</c> as it was before rollups existed, kept verbatim.
/// </summary>
public sealed class FunnelDayRollupTests
{
    private static readonly DateOnly First = new(2026, 12, 27);
    private static readonly string[] Sources = ["generic", "linkedin", "Google-Ads", string.Empty];
    private static readonly string?[] Campaigns = [null, "spring", "Spring", string.Empty, "fall"];
    private static readonly string?[] Owners = [null, "ana@example.com", "ben@example.com", "ANA@example.com"];
    private static readonly string?[] Teams = [null, "emea", "amer"];
    private static readonly string?[] Reasons = [null, RecycleReasons.NoProgress, "no-answer", RecycleReasons.Exhausted];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rollups_give_every_figure_of_the_row_by_row_report(int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, random.Next(0, 400)).Select(n => RandomRow(random, n)).ToList();
        var rollups = FunnelDay.OfRows(rows);
        var stored = rollups.Select(d => FunnelDayCodec.Decode(d.Day, FunnelDayCodec.Encode(d))!).ToList();
        for (var q = 0; q < 25; q++)
        {
            var query = RandomQuery(random);
            var expected = Json(RowByRow(query, rows));

            Assert.Equal(expected, Json(FunnelReport.Build(query, rollups)));
            Assert.Equal(expected, Json(FunnelReport.Build(query, stored)));
            Assert.Equal(expected, Json(FunnelReport.Build(query, rows)));
        }
    }

    [Fact]
    public void A_blob_of_another_format_or_a_damaged_one_decodes_to_null()
    {
        var random = new Random(7);
        var day = FunnelDay.Of(First, Enumerable.Range(0, 50).Select(n => RandomRow(random, n) with { Day = First }));
        var bytes = FunnelDayCodec.Encode(day);

        Assert.NotNull(FunnelDayCodec.Decode(First, bytes));
        Assert.Null(FunnelDayCodec.Decode(First, [2, .. bytes[1..]]));
        Assert.Null(FunnelDayCodec.Decode(First, bytes[..^1]));
        Assert.Null(FunnelDayCodec.Decode(First, [.. bytes, 0]));
        Assert.Null(FunnelDayCodec.Decode(First, []));
    }

    [Fact]
    public void Percentiles_over_merged_days_are_those_of_all_samples()
    {
        // Two days whose medians differ from the median of both: a rollup must keep samples, not per-day percentiles.
        FunnelRow Row(int day, int minutes) => new()
        {
            LeadId = $"l{day}-{minutes}",
            Day = First.AddDays(day),
            Source = "generic",
            Status = LeadStatus.Contacted,
            ReceivedAt = new DateTimeOffset(First.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            FirstTouchAt = new DateTimeOffset(First.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(minutes),
        };
        FunnelRow[] rows = [Row(0, 1), Row(0, 2), Row(0, 3), Row(1, 10), Row(1, 20)];

        var report = FunnelReport.Build(new FunnelQuery(First, First.AddDays(1), FunnelGroupBy.Source), FunnelDay.OfRows(rows));

        Assert.Equal(new LatencyStats(5, 180, 1200), report.Total!.TimeToFirstTouch);
    }

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 40))
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    private static string Json(FunnelReportResult result) => JsonSerializer.Serialize(result);

    private static FunnelQuery RandomQuery(Random random)
    {
        var from = First.AddDays(random.Next(-2, 20));
        return new FunnelQuery(from, from.AddDays(random.Next(0, 25)), (FunnelGroupBy)random.Next(0, 5))
        {
            Source = random.Next(4) == 0 ? Sources[random.Next(Sources.Length)].ToUpperInvariant() is { Length: > 0 } s ? s : FunnelReport.Unassigned : null,
            Campaign = random.Next(4) == 0 ? Campaigns[random.Next(Campaigns.Length)] is { Length: > 0 } c ? c.ToUpperInvariant() : FunnelReport.Unassigned : null,
            Owner = random.Next(4) == 0 ? Owners[random.Next(Owners.Length)] ?? FunnelReport.Unassigned : null,
            IncludeTest = random.Next(3) == 0,
        };
    }

    private static FunnelRow RandomRow(Random random, int n)
    {
        var day = First.AddDays(random.Next(0, 30));
        var received = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay));
        var synced = random.Next(3) > 0 ? received.AddTicks(random.NextInt64(-TimeSpan.TicksPerSecond, TimeSpan.TicksPerHour)) : (DateTimeOffset?)null;
        var touched = random.Next(2) == 0 ? received.AddTicks(random.NextInt64(-TimeSpan.TicksPerMinute, 3 * TimeSpan.TicksPerDay)) : (DateTimeOffset?)null;
        return new FunnelRow
        {
            LeadId = $"ld_{n}",
            Day = day,
            Source = Sources[random.Next(Sources.Length)],
            Campaign = Campaigns[random.Next(Campaigns.Length)],
            Owner = Owners[random.Next(Owners.Length)],
            Team = Teams[random.Next(Teams.Length)],
            IsTest = random.Next(6) == 0,
            Status = (LeadStatus)random.Next(0, 8),
            ReceivedAt = received,
            SyncedAt = synced,
            FirstTouchAt = touched,
            SlaDueAt = random.Next(3) > 0 ? received.AddHours(1) : null,
            BusinessMinutesToFirstTouch = random.Next(3) == 0 ? random.Next(0, 3) * random.Next(0, 500) : null,
            SlaMet = random.Next(3) switch { 0 => true, 1 => false, _ => null },
            EscalationLevel = random.Next(0, 3),
            RecycleReason = Reasons[random.Next(Reasons.Length)],
            CloseReason = Reasons[random.Next(Reasons.Length)],
            ReEngagedCount = random.Next(0, 2),
            AdditionalTouches = random.Next(0, 3),
            Attempts = random.Next(0, 6),
            CheckpointsMet = random.Next(0, 3),
            CheckpointsMissed = random.Next(0, 2),
        };
    }

    // ---- The row-by-row report as it was before rollups (reference) ----
    private static FunnelReportResult RowByRow(FunnelQuery query, IEnumerable<FunnelRow> rows)
    {
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

    private static FunnelGroup Summarize(string key, IReadOnlyList<FunnelRow> rows)
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

    private static string KeyOf(FunnelRow row, FunnelGroupBy groupBy)
    {
        var key = groupBy switch
        {
            FunnelGroupBy.Campaign => row.Campaign,
            FunnelGroupBy.Owner => row.Owner,
            FunnelGroupBy.Team => row.Team,
            FunnelGroupBy.Week => FunnelReport.WeekOf(row.Day),
            _ => row.Source,
        };
        return string.IsNullOrEmpty(key) ? FunnelReport.Unassigned : key;
    }
}

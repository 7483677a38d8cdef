using LeadSync.Core.Leads;
using LeadSync.Core.Reports;

namespace LeadSync.Core.Tests.Reports;

public sealed class FunnelQueryTests
{
    [Fact]
    public void A_valid_query_parses_with_source_as_the_default_grouping()
    {
        var query = FunnelQuery.Parse("2026-11-01", "2026-11-30", null, out var errors);

        Assert.Empty(errors);
        Assert.Equal(new FunnelQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), FunnelGroupBy.Source), query);
    }

    [Theory]
    [InlineData(null, "2026-11-30", "owner", "from")]
    [InlineData("2026-11-30", "2026-11-01", "owner", "to")]
    [InlineData("2025-01-01", "2026-11-30", "owner", "to")]
    [InlineData("2026-11-01", "2026-11-30", "region", "groupBy")]
    [InlineData("2026-11-01", "2026-11-30", "1", "groupBy")]
    [InlineData("01/11/2026", "2026-11-30", "campaign", "from")]
    public void A_bad_parameter_is_a_field_error(string? from, string? to, string? groupBy, string field)
    {
        Assert.Null(FunnelQuery.Parse(from, to, groupBy, out var errors));
        Assert.True(errors.ContainsKey(field));
    }

    [Fact]
    public void Filters_and_the_test_switch_parse_and_trim()
    {
        var query = FunnelQuery.Parse("2026-11-01", "2026-11-30", "week", out var errors, " linkedin ", "(none)", null, "true");

        Assert.Empty(errors);
        Assert.Equal(FunnelGroupBy.Week, query!.GroupBy);
        Assert.Equal("linkedin", query.Source);
        Assert.Equal("(none)", query.Campaign);
        Assert.Null(query.Owner);
        Assert.True(query.IncludeTest);
    }

    [Theory]
    [InlineData("includeTest", null, "yes")]
    [InlineData("source", "a\u0000b", null)]
    [InlineData("source", "LONG", null)]
    public void A_bad_filter_is_a_field_error(string field, string? source, string? includeTest)
    {
        var value = source == "LONG" ? new string('x', FunnelQuery.MaxFilterLength + 1) : source;

        Assert.Null(FunnelQuery.Parse("2026-11-01", "2026-11-30", "team", out var errors, value, null, null, includeTest));
        Assert.True(errors.ContainsKey(field));
    }

    [Fact]
    public void Filters_match_case_insensitively_and_none_selects_unset_values()
    {
        var row = new FunnelRow { LeadId = "l", Day = new DateOnly(2026, 11, 2), Source = "LinkedIn", Status = LeadStatus.Synced, ReceivedAt = default };
        var query = new FunnelQuery(row.Day, row.Day, FunnelGroupBy.Source) { Source = "linkedin", Owner = "(none)" };

        Assert.True(query.Matches(row));
        Assert.False(query.Matches(row with { Owner = "ana" }));
        Assert.False(query.Matches(row with { IsTest = true }));
        Assert.True((query with { IncludeTest = true }).Matches(row with { IsTest = true }));
    }

    [Fact]
    public void Weeks_are_iso_weeks_and_figures_follow_the_definitions()
    {
        var sunday = new DateOnly(2027, 1, 3);
        var monday = new DateOnly(2027, 1, 4);
        var at = new DateTimeOffset(2027, 1, 3, 9, 0, 0, TimeSpan.Zero);
        FunnelRow Row(string id, DateOnly day, LeadStatus status, bool? met, int attempts, bool synced = true) => new()
        {
            LeadId = id,
            Day = day,
            Source = "generic",
            Status = status,
            ReceivedAt = at,
            SlaMet = met,
            Attempts = attempts,
            SyncedAt = synced ? at.AddMinutes(1) : null,
        };
        FunnelRow[] rows =
        [
            Row("a", sunday, LeadStatus.Converted, true, 3),
            Row("b", sunday, LeadStatus.Disqualified, false, 1),
            Row("c", monday, LeadStatus.Recycled, true, 2),
            Row("d", monday, LeadStatus.Nurture, null, 0, synced: false),
        ];

        var result = FunnelReport.Build(new FunnelQuery(sunday, monday, FunnelGroupBy.Week), rows);

        Assert.Equal(["2026-W53", "2027-W01"], result.Groups.Select(g => g.Key));
        var total = result.Total!;
        Assert.Equal((4, 1, 1, 1), (total.Received, total.Converted, total.Dropped, total.Recycled));
        Assert.Equal(66.7, total.SlaMetPercent);
        Assert.Equal(2.0, total.AttemptsPerLead);
        Assert.Equal(total.Received, total.ByStatus.Values.Sum());
        Assert.Equal("(none)", Assert.Single(FunnelReport.Build(new FunnelQuery(sunday, monday, FunnelGroupBy.Team), rows).Groups).Key);
        Assert.Null(FunnelReport.Summarize("x", [rows[3]]).SlaMetPercent);
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var stats = LatencyStats.Of(Enumerable.Range(1, 10).Select(i => TimeSpan.FromSeconds(i)));

        Assert.Equal(new LatencyStats(10, 5, 9), stats);
        Assert.Equal(new LatencyStats(0, null, null), LatencyStats.Of([]));
    }
}

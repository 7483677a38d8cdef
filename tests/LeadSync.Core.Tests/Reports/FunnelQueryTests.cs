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
    public void Percentiles_are_nearest_rank()
    {
        var stats = LatencyStats.Of(Enumerable.Range(1, 10).Select(i => TimeSpan.FromSeconds(i)));

        Assert.Equal(new LatencyStats(10, 5, 9), stats);
        Assert.Equal(new LatencyStats(0, null, null), LatencyStats.Of([]));
    }
}

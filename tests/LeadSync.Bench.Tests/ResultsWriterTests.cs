using LeadSync.Bench;

namespace LeadSync.Bench.Tests;

public sealed class ResultsWriterTests
{
    [Fact]
    public void Summary_lists_every_goal_with_whether_it_was_met()
    {
        var result = new BenchmarkResult("B9", "Example");
        result.Setup.Add("1,000 requests");
        result.Add(Figure.AtMost("p99 accept latency", 31.5, "ms", 25));
        result.Add(Figure.AtLeast("throughput", 1200, "req/s", 1000));
        result.Add(new Figure("requests", 1000, ""));

        var md = ResultsWriter.Render([result], DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(2), smoke: false);

        Assert.Contains("| B9 | p99 accept latency | 31.5 ms | ≤ 25 ms | **no** |", md, StringComparison.Ordinal);
        Assert.Contains("| B9 | throughput | 1,200 req/s | ≥ 1,000 req/s | yes |", md, StringComparison.Ordinal);
        Assert.Contains("## B9 — Example", md, StringComparison.Ordinal);
        Assert.Contains("- 1,000 requests", md, StringComparison.Ordinal);
        Assert.Contains("logical cores", md, StringComparison.Ordinal);
        Assert.DoesNotContain("SMOKE", md, StringComparison.Ordinal);
        Assert.False(result.AllGoalsMet);
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var latencies = new Latencies();
        foreach (var ms in Enumerable.Range(1, 100))
        {
            latencies.Add(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(50, latencies.Percentile(50));
        Assert.Equal(99, latencies.Percentile(99));
        Assert.Equal(100, latencies.Percentile(100));
        Assert.True(double.IsNaN(new Latencies().Percentile(50)));
    }
}

using LeadSync.Bench;

namespace LeadSync.Bench.Tests;

/// <summary>
/// Runs every benchmark in smoke mode (tiny sizes: real Azurite, real host, real simulators) so the harness cannot rot.
/// Asserts that each produced its figures — never their values: speed targets belong in bench/RESULTS.md.
/// </summary>
public sealed class SmokeRunTests
{
    public static TheoryData<string, string[]> Benchmarks => new()
    {
        { "B1", ["webhook throughput ÷ raw insert rate", "accept latency p99 at 20 req/s"] },
        { "B2", ["webhook → CRM acknowledged p50", "webhook → CRM acknowledged p99"] },
        { "B3", ["drain rate", "leads per successful CRM call", "429 TEN_SECONDLY_ROLLING answers"] },
        { "B3S", ["leads per successful sObject Collections upsert call"] },
        { "B4", ["100 stored: entities returned by table queries", "600 stored: sweep duration", "query reads 600 ÷ 100 stored"] },
        { "B5", ["start-up to first health 200 (median)", "RSS peak under 20 req/s"] },
        { "B7", ["4 senders, CRM 0 ms: end to end", "8 senders, CRM 100 ms: end to end"] },
        { "B6", ["accept latency p99", "webhook → CRM acknowledged p99", "inbox backlog when the senders stop", "storage requests per lead, webhook → CRM acknowledged"] },
        {
            "B8",
            [
                "4 weeks by source (the console's default view), live: answer time", "4 weeks by week (the console's charts), live: answer time",
                "13 weeks by owner (scorecard of a quarter), live: answer time", "365 days by week (every stored lead), live: answer time",
            ]
        },
        { "B9", ["wall time per routed lead"] },
    };

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task Smoke_run_produces_every_figure(string id, string[] expectedGoals)
    {
        var log = new StringWriter();
        var result = await BenchmarkCatalog.Get(id).RunAsync(new BenchContext(smoke: true, log), CancellationToken.None);

        Assert.Equal(id, result.Id);
        Assert.NotEmpty(result.Setup);
        foreach (var name in expectedGoals)
        {
            var figure = Assert.Single(result.Figures, f => f.Name == name);
            Assert.NotNull(figure.Goal);
            Assert.NotNull(figure.Met);
            Assert.False(double.IsNaN(figure.Value), $"{name} was not measured.");
        }

        Assert.Equal(result.Figures.Count, result.Figures.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains($"## {id} — ", ResultsWriter.Render([RecordedRun.Of(result, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), smoke: true, MachineFacts.LoadAverage())]), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_lists_B1_to_B9_in_order() =>
        Assert.Equal(["B1", "B2", "B3", "B3S", "B4", "B5", "B6", "B7", "B8", "B9"], BenchmarkCatalog.All.Select(b => b.Id));
}

using LeadSync.Bench.Benchmarks;

namespace LeadSync.Bench;

/// <summary>Every benchmark `eng/bench` runs, in RESULTS.md order.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new B1IngestBenchmark(),
        new B2CrmAckBenchmark(),
        new B3BacklogDrainBenchmark(),
        new B3SalesforceBacklogDrainBenchmark(),
        new B4SweepScalingBenchmark(),
        new B5MemoryStartupBenchmark(),
        new B6SteadyTrafficBenchmark(),
        new B7ClosedLoopBenchmark(),
        new B8ReportBenchmark(),
        new B9RoutingCostBenchmark(),
    ];

    public static IBenchmark Get(string id) =>
        All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No benchmark '{id}'. Known: {string.Join(", ", All.Select(b => b.Id))}.", nameof(id));
}

using System.Diagnostics;
using LeadSync.Bench.Hosting;
using LeadSync.Bench.Probes;
using LeadSync.Bench.Seeding;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B8: the console's report over 100,000 stored leads (a year of them): how long <see cref="FunnelReport"/> takes to
/// answer from the report index for the console's default 4-week view, a quarter by owner and the whole year by week,
/// and how many index rows each read (the lead table is never scanned).
/// </summary>
public sealed class B8ReportBenchmark : IBenchmark
{
    private const int Repeats = 5;

    public string Id => "B8";

    public string Title => "Report over 100,000 stored leads (report index)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var stored = context.Override("B8.leads")?.Single() ?? context.Size(100_000, 600);
        const int Days = 365;

        // Azurite keeps every entity in Node's heap; 100k leads plus their index rows need more than Node's default.
        var nodeOptions = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=8192");
        AzuriteProcess azurite;
        try
        {
            azurite = await AzuriteProcess.StartAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NODE_OPTIONS", nodeOptions);
        }

        await using var _ = azurite;
        using var leadSync = new InProcessLeadSync(azurite.ConnectionString);
        using var reads = new EntityReadCounter();
        var today = FunnelRow.DayOf(DateTimeOffset.UtcNow);
        var first = today.AddDays(1 - Days);
        result.Setup.Add($"Azurite in memory; {stored:#,0} leads stored through `TableLeadStore.CreateAsync` (the lead, and its report-index row written by the store itself), received over the {Days} days up to today, 3 sources, 5 campaigns, 20 owners, every status.");
        result.Setup.Add($"Each report: `FunnelReport.BuildAsync` in process, built by `AddLeadSync` as the hosts build it (JSON serialisation and HTTP not included); median of {Repeats} runs after one warm-up; rows read = LeadSync's `leadsync.storage.entities_read` counter for table LeadsByDay.");

        context.Progress($"B8 seeding {stored:#,0} leads…");
        var seedClock = Stopwatch.StartNew();
        var store = leadSync.Services.GetRequiredService<ILeadStore>();
        await Parallel.ForEachAsync(Enumerable.Range(0, stored), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (n, ct) =>
            await store.CreateAsync(ReportSeeder.Lead(n, first, Days), ct));
        seedClock.Stop();
        result.Add(new Figure("seeding time", Math.Round(seedClock.Elapsed.TotalSeconds), "s"));
        context.Progress($"B8 seeded in {seedClock.Elapsed.TotalSeconds:0} s");

        var report = leadSync.Services.GetRequiredService<FunnelReport>();
        (string Label, FunnelQuery Query, double? Goal)[] cases =
        [
            ("4 weeks by source (the console's default view)", new FunnelQuery(today.AddDays(-27), today, FunnelGroupBy.Source), 1),
            ("4 weeks by week (the console's charts)", new FunnelQuery(today.AddDays(-27), today, FunnelGroupBy.Week), 1),
            ("13 weeks by owner (scorecard of a quarter)", new FunnelQuery(today.AddDays(-90), today, FunnelGroupBy.Owner), null),
            ("365 days by week (every stored lead)", new FunnelQuery(first, today, FunnelGroupBy.Week), null),
        ];
        foreach (var (label, query, goal) in cases)
        {
            await report.BuildAsync(query, cancellationToken);
            var seconds = new List<double>();
            long rows = 0;
            var received = 0;
            for (var i = 0; i < Repeats; i++)
            {
                reads.Reset();
                var clock = Stopwatch.StartNew();
                var answer = await report.BuildAsync(query, cancellationToken);
                clock.Stop();
                seconds.Add(clock.Elapsed.TotalSeconds);
                rows = reads.Count(table: TableNames.LeadsByDay);
                received = answer.Total?.Received ?? 0;
            }

            var median = Math.Round(seconds.Order().ElementAt(Repeats / 2), 3);
            result.Add(goal is { } limit ? Figure.AtMost($"{label}: answer time", median, "s", limit) : new Figure($"{label}: answer time", median, "s"));
            result.Add(new Figure($"{label}: report-index rows read", rows, "rows"));
            result.Notes.Add($"- {label}: {received:#,0} lead cycles counted; runs {string.Join(", ", seconds.Select(s => s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))} s; {reads.Describe()}.");
        }

        result.Notes.Insert(0, "The goal (a report over 100,000 stored leads answers in ≤ 1 s from the index) is read for the console's view: 4 weeks of a year of stored leads. A report reads one row per lead cycle of its days only, so its time grows with the days it covers, not with the leads stored; the whole-year report is shown for scale.");
        return result;
    }
}

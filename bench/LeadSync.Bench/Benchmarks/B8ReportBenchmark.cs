using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadSync.Bench.Hosting;
using LeadSync.Bench.Probes;
using LeadSync.Bench.Seeding;
using LeadSync.Core.Reports;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B8: the console's report over 100,000 stored leads (a year of them): how long <see cref="FunnelReport"/> takes to
/// answer from the report index's day rollups for the console's default 4-week view, a quarter by owner and the whole
/// year by week — settled (no write since the rollups were built) and under live traffic (a lead stored today before
/// each run, so today's rollup is rebuilt from its index rows) — how many index rows and rollups each read, the first
/// report after seeding (rollups built), and the storage calls per stored lead the rollups' day marks add.
/// </summary>
public sealed class B8ReportBenchmark : IBenchmark
{
    private const int Repeats = 5;
    private const int LiveLeads = 200;

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
        using var calls = new HttpStorageCallCounter(azurite.QueuePort);
        using var marks = new DayMarkCounter();
        var clients = leadSync.Services.GetRequiredService<StorageClients>();
        if (context.Smoke)
        {
            // Smoke runs check the harness, not the figures: do not wait the production settle time.
            clients.FunnelDaySettle = TimeSpan.FromSeconds(2);
        }

        var settle = clients.FunnelDaySettle;
        var today = FunnelRow.DayOf(DateTimeOffset.UtcNow);
        var first = today.AddDays(1 - Days);
        result.Setup.Add($"Azurite in memory; {stored:#,0} leads stored through `TableLeadStore.CreateAsync` (the lead, the day's mark in ReportDays and its report-index row, written by the store itself) by 16 writers, received over the {Days} days up to today, 3 sources, 5 campaigns, 20 owners, every status.");
        result.Setup.Add($"Each report: `FunnelReport.BuildAsync` in process, built by `AddLeadSync` as the hosts build it (JSON serialisation and HTTP not included): it reads the marks and day rollups of its days (table ReportDays) and rebuilds from LeadsByDay only the days changed since their rollup was built or within the settle time ({settle.TotalSeconds:0} s) after their last mark. Median of {Repeats} runs; rows read = LeadSync's `leadsync.storage.entities_read` counter by table.");
        result.Setup.Add($"Settled: the reports run {settle.TotalSeconds:0} s after seeding ended; the first report of each view builds and stores its days' rollups (\"first report\"), the {Repeats} runs after it are measured. Live: before each measured run one more lead is stored today (not timed), so today's rollup is always rebuilt from its index rows, as under live traffic.");

        context.Progress($"B8 seeding {stored:#,0} leads…");
        var seedClock = Stopwatch.StartNew();
        var store = leadSync.Services.GetRequiredService<ILeadStore>();
        calls.Reset();
        marks.Reset();
        await Parallel.ForEachAsync(Enumerable.Range(0, stored), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (n, ct) =>
            await store.CreateAsync(ReportSeeder.Lead(n, first, Days), ct));
        seedClock.Stop();
        result.Add(new Figure("seeding time", Math.Round(seedClock.Elapsed.TotalSeconds), "s"));
        AddCalls(result, calls, marks, stored, "seeding (16 writers, leads spread over 365 days)");
        context.Progress($"B8 seeded in {seedClock.Elapsed.TotalSeconds:0} s");

        var report = leadSync.Services.GetRequiredService<FunnelReport>();
        (string Label, FunnelQuery Query)[] cases =
        [
            ("4 weeks by source (the console's default view)", new FunnelQuery(today.AddDays(-27), today, FunnelGroupBy.Source)),
            ("4 weeks by week (the console's charts)", new FunnelQuery(today.AddDays(-27), today, FunnelGroupBy.Week)),
            ("13 weeks by owner (scorecard of a quarter)", new FunnelQuery(today.AddDays(-90), today, FunnelGroupBy.Owner)),
            ("365 days by week (every stored lead)", new FunnelQuery(first, today, FunnelGroupBy.Week)),
        ];

        await Task.Delay(settle + TimeSpan.FromSeconds(2), cancellationToken);
        foreach (var (label, query) in cases)
        {
            reads.Reset();
            var cold = Stopwatch.StartNew();
            var built = await report.BuildAsync(query, cancellationToken);
            cold.Stop();
            result.Add(new Figure($"{label}: first report after seeding (its rollups built)", Math.Round(cold.Elapsed.TotalSeconds, 3), "s"));
            result.Notes.Add($"- {label}, first report: {built.Total?.Received:#,0} lead cycles; {reads.Describe()}.");
            await MeasureAsync(result, report, reads, label, "settled", query, null, cancellationToken);
        }

        calls.Reset();
        marks.Reset();
        var next = stored;
        for (var i = 0; i < LiveLeads; i++)
        {
            await store.CreateAsync(ReportSeeder.Lead(next++, today, 1), cancellationToken);
        }

        AddCalls(result, calls, marks, LiveLeads, $"live ({LiveLeads} leads stored today, one at a time)");
        foreach (var (label, query) in cases)
        {
            await MeasureAsync(result, report, reads, label, "live", query, async () => await store.CreateAsync(ReportSeeder.Lead(next++, today, 1), cancellationToken), cancellationToken);
        }

        result.Notes.Insert(0, "The goal (a report over 100,000 stored leads answers in ≤ 1 s from the index) is read for every view the console asks for, under live traffic. A report reads one rollup per day (with every count and every latency sample of that day, so percentiles stay exact) and rebuilds from the index rows only the days changed within the settle time; so its time grows with the days it covers and the days just changed, not with the leads stored.");
        return result;
    }

    private static async Task MeasureAsync(
        BenchmarkResult result, FunnelReport report, EntityReadCounter reads, string label, string mode, FunnelQuery query, Func<Task>? before, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        long rows = 0, rollups = 0;
        var received = 0;
        for (var i = 0; i < Repeats; i++)
        {
            if (before is not null)
            {
                await before();
            }

            reads.Reset();
            var clock = Stopwatch.StartNew();
            var answer = await report.BuildAsync(query, cancellationToken);
            clock.Stop();
            seconds.Add(clock.Elapsed.TotalSeconds);
            rows = reads.Count(table: TableNames.LeadsByDay);
            rollups = reads.Count(table: TableNames.ReportDays);
            received = answer.Total?.Received ?? 0;
        }

        var median = Math.Round(seconds.Order().ElementAt(Repeats / 2), 3);
        var name = $"{label}, {mode}: answer time";
        result.Add(mode == "live" ? Figure.AtMost(name, median, "s", 1) : new Figure(name, median, "s"));
        result.Add(new Figure($"{label}, {mode}: report-index rows read", rows, "rows"));
        result.Add(new Figure($"{label}, {mode}: rollup and mark rows read", rollups, "rows"));
        result.Notes.Add($"- {label}, {mode}: {received:#,0} lead cycles counted; runs {string.Join(", ", seconds.Select(s => s.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))} s; {reads.Describe()}.");
    }

    private static void AddCalls(BenchmarkResult result, HttpStorageCallCounter calls, DayMarkCounter marks, int leads, string label)
    {
        result.Add(new Figure($"storage calls per stored lead, {label}", Math.Round((double)calls.Total / leads, 3), "calls"));
        result.Add(new Figure($"day marks written per stored lead, {label}", Math.Round((double)marks.Count / leads, 3), "marks"));
        result.Notes.Add($"- Storage calls, {label}: {calls.Describe()}; day marks written {marks.Count:#,0} (each one upsert, marks of one month queued together share a transaction).");
    }

    /// <summary>LeadSync's <c>leadsync.reports.day_marks</c> counter in this process.</summary>
    private sealed class DayMarkCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DayMarkCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LeadSyncTelemetry.Name && instrument.Name == "leadsync.reports.day_marks")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void Dispose() => _listener.Dispose();
    }
}

using System.Diagnostics;
using LeadSync.Bench.Hosting;
using LeadSync.Bench.Probes;
using LeadSync.Bench.Seeding;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.Options;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B3S: B3's seeded sync backlog drained through the portable host into the Salesforce simulator (sObject Collections
/// upsert, ≤ 200 Leads per call): drain rate, Leads per collection call, Salesforce API requests per lead (the org's
/// rolling 24 h allocation is what a backlog spends) and, with <c>--count-storage</c>, storage calls per lead.
/// </summary>
public sealed class B3SalesforceBacklogDrainBenchmark : IBenchmark
{
    /// <summary>Salesforce's sObject Collections limit, and the adapter's default batch.</summary>
    public const int CollectionLimit = 200;

    public string Id => "B3S";

    public string Title => "Backlog drain into Salesforce (sObject Collections upsert, 200 per call)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var backlog = context.Backlog ?? context.Size(5_000, 300);
        var patience = context.Window ?? context.Duration(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(20));

        var storageCalls = context.CountStorageCalls ? new StorageCallCounter() : null;
        await using var azurite = await AzuriteProcess.StartAsync(storageCalls is null ? null : storageCalls.OnAccessLogLine);
        await using var salesforce = await SalesforceSimulator.StartAsync();

        context.Progress($"B3S seeding a backlog of {backlog:#,0} sales-ready leads…");
        var seedClock = Stopwatch.StartNew();
        await BacklogSeeder.SeedAsync(azurite.ConnectionString, Guid.NewGuid().ToString("N")[..8], backlog, cancellationToken);
        seedClock.Stop();
        var messages = await new SyncBacklog(new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }))).CountAsync(cancellationToken);

        storageCalls?.Start();
        await using var host = await PortableHostProcess.StartAsync(BenchHostSettings.For(azurite.ConnectionString).WithSalesforce(salesforce.BaseUri));
        // From the host's readiness until the backlog is in Salesforce (or the patience runs out): the time of the last
        // lead's arrival counts, so the first batch's filling and the last one's linger are in the drain time.
        var clock = Stopwatch.StartNew();
        var (synced, elapsed, firstCall) = (0, TimeSpan.Zero, (TimeSpan?)null);
        while (clock.Elapsed < patience && synced < backlog)
        {
            await Task.Delay(50, cancellationToken);
            firstCall ??= salesforce.DataRequests > 0 ? clock.Elapsed : null;
            var now = salesforce.LeadCount;
            (synced, elapsed) = now > synced ? (now, clock.Elapsed) : (synced, elapsed);
        }

        elapsed = synced < backlog ? clock.Elapsed : elapsed;
        storageCalls?.Stop();
        var (requests, queries, batches) = (salesforce.DataRequests, salesforce.SoqlCount, salesforce.BatchSizesSnapshot());
        var perCall = batches.Count == 0 ? 0 : batches.Average();
        var perLead = synced == 0 ? double.NaN : (double)requests / synced;

        result.Setup.Add($"Backlog: {backlog:#,0} sales-ready leads stored by TableLeadStore with their safety-net hints and lead-sync queue messages sent by StorageWorkQueue (as B3: hand-offs made while a send is in flight share a message; {messages:#,0} messages here), seeded in {seedClock.Elapsed.TotalSeconds:0} s before the host starts.");
        result.Setup.Add($"Portable host (Release), provider `salesforce` (defaults: BatchSize 200, client limiter 25 calls/s) → SalesforceSimulator (client-credentials token, sObject Collections upsert by `{SalesforceSimulator.ExternalIdField}`, SOQL); measured from the host's readiness until every lead is in Salesforce (at most {patience.TotalSeconds:0} s).");
        result.Add(new Figure("drain rate", Math.Round(synced / elapsed.TotalSeconds, 1), "leads/s"));
        result.Add(new Figure("time to drain", Math.Round(elapsed.TotalSeconds, 1), "s"));
        result.Add(new Figure("first Salesforce call after the host was ready", Math.Round((firstCall ?? elapsed).TotalSeconds, 2), "s"));
        result.Add(Figure.AtLeast("leads per successful sObject Collections upsert call", Math.Round(perCall, 1), "leads", 190));
        result.Add(new Figure("sObject Collections upsert calls", batches.Count, ""));
        result.Add(new Figure("collection calls with fewer than 200 leads", batches.Count(b => b < CollectionLimit), ""));
        result.Add(new Figure("SOQL queries (owner read-back)", queries, ""));
        result.Add(new Figure("Salesforce API requests per synced lead", Math.Round(perLead, 4), "requests"));
        result.Add(new Figure("leads synced", synced, $"of {backlog:#,0}"));
        if (storageCalls is not null)
        {
            var log = Path.Combine(Path.GetTempPath(), "leadsync-b3s-host.log");
            await File.WriteAllLinesAsync(log, host.Output, cancellationToken);
            context.Progress($"B3S host output: {log}");
        }

        if (storageCalls is not null && synced > 0)
        {
            result.Add(new Figure("storage calls per synced lead (from host start)", Math.Round((double)storageCalls.Total / synced, 2), "calls"));
            foreach (var (kind, count) in storageCalls.ByKind())
            {
                result.Add(new Figure($"  {kind}", Math.Round((double)count / synced, 3), "per lead"));
            }
        }

        result.Notes.Add($"Leads per collection call, in call order: {RunLengths(batches)}.");
        result.Notes.Add("Salesforce has no per-second quota like HubSpot's: what a backlog spends is the org's rolling 24 h API allocation (100,000 + per-licence requests; the simulator counts every /services/data request, the token endpoint aside), so the figure to watch is API requests per lead.");
        result.Notes.Add("Storage calls per lead are counted only with `--count-storage` (Azurite's access log costs it some CPU).");
        return result;
    }

    /// <summary>"200 × 24, 137, 63": the call sizes in order, repeats folded.</summary>
    private static string RunLengths(IReadOnlyList<int> sizes)
    {
        var parts = new List<string>();
        for (var i = 0; i < sizes.Count;)
        {
            var run = 1;
            while (i + run < sizes.Count && sizes[i + run] == sizes[i])
            {
                run++;
            }

            parts.Add(run == 1 ? $"{sizes[i]}" : $"{sizes[i]} × {run}");
            i += run;
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}

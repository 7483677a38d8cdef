using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using LeadSync.Bench.Hosting;
using LeadSync.Bench.Load;
using LeadSync.Bench.Probes;
using LeadSync.Bench.Seeding;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B1: signed webhooks against the portable host on Azurite — closed-loop throughput and open-loop (200 req/s) accept
/// latency — and, in the same run and from the same client, Azurite's raw single-entity insert rate.
/// </summary>
public sealed class B1IngestBenchmark : IBenchmark
{
    public string Id => "B1";

    public string Title => "Webhook ingest (portable host on Azurite)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var concurrency = context.Size(16, 4);
        var phase = context.Duration(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1));
        var rate = context.Size(200, 20);
        var openPhase = context.Duration(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

        var patience = context.Duration(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));
        var warmUp = context.Duration(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        var closedWarmUp = context.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200));
        var settle = context.Duration(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        var tag = Guid.NewGuid().ToString("N")[..8];
        const int offset = 1_000_000;

        // Each phase gets its own Azurite and host and starts with nothing left to file: on Azurite, filing a backlog
        // takes minutes and would slow whatever phase came after it.
        LoadOutcome raw, closed, open;
        int closedBacklog, openBacklog, filedAfter;
        await using (var azurite = await AzuriteProcess.StartAsync())
        await using (var host = await PortableHostProcess.StartAsync(BenchHostSettings.For(azurite.ConnectionString)))
        using (var webhooks = new SignedWebhooks(host.BaseUrl, tag))
        {
            await RawInsertsAsync(azurite.ConnectionString, "w" + tag, concurrency, warmUp, cancellationToken);
            raw = await RawInsertsAsync(azurite.ConnectionString, tag, concurrency, phase, cancellationToken);
            context.Progress($"B1 raw inserts (host idle): {raw.SucceededPerSecond:0}/s");
            // One second of closed loop warms the host up (JIT, connections) with a backlog it files in well under the
            // patience, so the measured phase never starts with filing already past its yield lag.
            await ClosedLoop.RunAsync(concurrency, closedWarmUp, webhooks.SendAsync, cancellationToken);
            await InboxProbe.WaitEmptyAsync(azurite.ConnectionString, patience, cancellationToken);
            closed = await ClosedLoop.RunAsync(concurrency, phase, (n, ct) => webhooks.SendAsync(offset + n, ct), cancellationToken);
            closedBacklog = await InboxProbe.CountAsync(azurite.ConnectionString, cancellationToken);
            context.Progress($"B1 webhook throughput: {closed.SucceededPerSecond:0}/s; {closedBacklog} not yet filed");
            await Task.Delay(settle, cancellationToken);
            filedAfter = closedBacklog - await InboxProbe.CountAsync(azurite.ConnectionString, cancellationToken);
        }

        await using (var azurite = await AzuriteProcess.StartAsync())
        await using (var host = await PortableHostProcess.StartAsync(BenchHostSettings.For(azurite.ConnectionString)))
        using (var webhooks = new SignedWebhooks(host.BaseUrl, tag))
        {
            await OpenLoop.RunAsync(rate, warmUp, webhooks.SendAsync, cancellationToken);
            await InboxProbe.WaitEmptyAsync(azurite.ConnectionString, patience, cancellationToken);
            open = await OpenLoop.RunAsync(rate, openPhase, (n, ct) => webhooks.SendAsync(2 * offset + n, ct), cancellationToken);
            openBacklog = await InboxProbe.CountAsync(azurite.ConnectionString, cancellationToken);
            context.Progress($"B1 {rate} req/s phase: p99 {open.Latencies.Percentile(99):0.0} ms; {openBacklog} not yet filed");
        }

        result.Setup.Add($"Portable host (Release, {Environment.ProcessorCount} cores shared with Azurite and the load client), sandbox CRM, logging at Warning; Azurite in memory.");
        result.Setup.Add($"Throughput: closed loop, {concurrency} concurrent senders, {phase.TotalSeconds:0} s each for raw inserts and for webhooks.");
        result.Setup.Add($"Raw insert: Azure.Data.Tables `AddEntity` of the entity the request path inserts (`TableIntakeInbox.ToEntity` of the same body and headers a signed request carries), new partition each, same Azurite, same process as the webhook client.");
        result.Setup.Add($"Each phase has its own Azurite and host; raw inserts run first on an idle host, after their own {warmUp.TotalSeconds:0} s warm-up; each webhook phase follows a warm-up shaped like it ({closedWarmUp.TotalSeconds:0} s of closed loop, or {warmUp.TotalSeconds:0} s at {rate} req/s) whose deliveries are filed first (waiting at most {patience.TotalMinutes:0} min).");
        result.Setup.Add($"Latency: open loop at {rate} req/s for {openPhase.TotalSeconds:0} s ({open.Succeeded + open.Failed} requests), measured from each request's scheduled send time to the 202.");

        result.Add(new Figure("raw Azurite single-entity inserts", raw.SucceededPerSecond, "inserts/s"));
        result.Add(new Figure("webhook throughput (202 Accepted)", closed.SucceededPerSecond, "req/s"));
        result.Add(Figure.AtLeast("webhook throughput ÷ raw insert rate", Ratio(closed.SucceededPerSecond, raw.SucceededPerSecond), "", 0.8));
        result.Add(new Figure($"accept latency p50 at {rate} req/s", open.Latencies.Percentile(50), "ms"));
        result.Add(Figure.AtMost($"accept latency p99 at {rate} req/s", open.Latencies.Percentile(99), "ms", 25));
        result.Add(new Figure($"achieved rate (target {rate} req/s)", open.SucceededPerSecond, "req/s"));
        result.Add(new Figure("failed requests (all phases)", closed.Failed + open.Failed + raw.Failed, ""));
        result.Add(new Figure("throughput phase: accepted, not yet filed at its end", closedBacklog, ""));
        result.Add(new Figure($"filing rate in the {settle.TotalSeconds:0} s after it (no requests)", Math.Round(filedAfter / settle.TotalSeconds, 1), "leads/s"));
        result.Add(new Figure($"{rate} req/s phase: accepted, not yet filed at its end", openBacklog, ""));
        result.Notes.Add("The request path is one storage call: the authenticated, parsed delivery is inserted into the IntakeInbox table (its own partition, through the request-path table client, whose requests never wait for a storage slot and hold background ones back) and answered 202. Filing it as a lead (e-mail index read and write, due-index hint, lead + timeline transaction, report row, lead-sync message, inbox row removal) and syncing it to the sandbox CRM run in the same host afterwards, on the same cores and the same Azurite. Filing runs beside the requests (it no longer waits for them to pause, issue 20): background storage requests never take the request path's reserve and their concurrency adapts to storage latency (LeadSync:Storage:LatencyTarget), so what this Azurite cannot file while serving the inserts stays in the inbox; the backlog figures show what was still to be filed when each phase ended and how fast filing went once requests stopped. Past 512 deliveries in memory only ids are kept and each delivery is read back by id. On Azurite filing is slow (every queue call and every table query scans the whole queue or table, see B3), so a burst is answered at once and filed over minutes.");
        return result;
    }

    private static double Ratio(double a, double b) => b > 0 ? Math.Round(a / b, 3) : 0;

    private static async Task<LoadOutcome> RawInsertsAsync(string connectionString, string tag, int concurrency, TimeSpan phase, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, "BenchRawInserts");
        await table.CreateIfNotExistsAsync(cancellationToken);
        return await ClosedLoop.RunAsync(concurrency, phase, async (n, ct) =>
        {
            var response = await table.AddEntityAsync(TableIntakeInbox.ToEntity(InboxDelivery.Arrived(RawDelivery(tag, n), DateTimeOffset.UtcNow)), ct);
            return !response.IsError;
        }, cancellationToken);
    }

    /// <summary>What the host stores for one of <see cref="SignedWebhooks"/>' requests: its body and the headers it arrives with.</summary>
    private static InboundWebhook RawDelivery(string tag, int n)
    {
        var body = Encoding.UTF8.GetBytes(SignedWebhooks.Body(tag, n));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = $"msg_{tag}_{n}";
        return new InboundWebhook
        {
            Source = "generic",
            Method = "POST",
            RequestUri = new Uri("http://127.0.0.1/api/webhooks/generic"),
            ContentType = "application/json; charset=utf-8",
            Body = body,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Host"] = "127.0.0.1",
                ["Content-Type"] = "application/json; charset=utf-8",
                ["Content-Length"] = body.Length.ToString(CultureInfo.InvariantCulture),
                [StandardWebhookVerifier.IdHeader] = id,
                [StandardWebhookVerifier.TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture),
                [StandardWebhookVerifier.SignatureHeader] = StandardWebhookVerifier.Sign(SignedWebhooks.LocalGenericSecret, id, timestamp, body),
            },
        };
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using LeadSync.Core.Jobs;
using LeadSync.Bench.Hosting;
using LeadSync.Bench.Load;
using LeadSync.Bench.Probes;
using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B6: steady traffic — signed webhooks at a fixed rate (open loop) for minutes into the built portable host, HubSpot
/// simulator answering in 100 ms: accept latency, webhook → CRM acknowledged, what is still to be filed at the end,
/// host CPU per lead and RSS; then, in a second run with the host in this process, storage requests per lead by stage.
/// </summary>
public sealed class B6SteadyTrafficBenchmark : IBenchmark
{
    public string Id => "B6";

    public string Title => "Steady traffic (100 signed webhooks/s, HubSpot simulator 100 ms)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var rate = context.Override("B6.rate")?[0] ?? context.Size(100, 10);
        var duration = context.Override("B6.seconds") is { } seconds ? TimeSpan.FromSeconds(seconds[0]) : context.Duration(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(3));
        var countedLeads = context.Override("B6.counted")?[0] ?? context.Size(1_000, 20);
        var patience = TimeSpan.FromSeconds(Math.Max(60, duration.TotalSeconds));

        var tag = Guid.NewGuid().ToString("N")[..8];
        LoadOutcome load;
        var crm = new Latencies();
        var windows = new SortedDictionary<int, Latencies>();
        var acceptWindows = new ConcurrentDictionary<int, Latencies>();
        int backlog, acknowledged;
        double cpuMs, azuriteCpuMs, benchCpuMs, rssPeak, rssMean;
        string[] stageTrace;
        int crmCalls;
        double perCall;
        await using (var azurite = await AzuriteProcess.StartAsync())
        await using (var hubSpot = await HubSpotSimulator.StartAsync())
        {
            hubSpot.Latency = TimeSpan.FromMilliseconds(100);
            await using var host = await DirectHostProcess.StartAsync(BenchHostSettings.For(azurite.ConnectionString).WithHubSpot(hubSpot.BaseUri, 190), cancellationToken);
            using var webhooks = new SignedWebhooks(host.BaseUrl, tag);
            var sentAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
            var cpuBefore = ProcessCpu.Seconds(host.ProcessId) ?? double.NaN;
            var azuriteCpuBefore = azurite.ProcessId is { } azuritePid ? ProcessCpu.Seconds(azuritePid) ?? double.NaN : double.NaN;
            var benchCpuBefore = Environment.CpuUsage.TotalTime;
            using var sampling = new CancellationTokenSource();
            var samples = new ConcurrentQueue<double>();
            var sampler = SampleRssAsync(host.ProcessId, samples, sampling.Token);
            var whereabouts = new ConcurrentQueue<string>();
            var stageSampler = SampleStagesAsync(azurite.ConnectionString, () => sentAt.Count, () => hubSpot.FirstAnswered.Count, whereabouts, sampling.Token);

            load = await OpenLoop.RunAsync(rate, duration, async (n, ct) =>
            {
                sentAt[SignedWebhooks.Email(tag, n)] = DateTimeOffset.UtcNow;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var ok = await webhooks.SendAsync(n, ct);
                acceptWindows.GetOrAdd((int)(n / (rate * Window.TotalSeconds)), _ => new Latencies()).Add(clock.Elapsed);
                return ok;
            }, cancellationToken);
            backlog = await InboxProbe.CountAsync(azurite.ConnectionString, cancellationToken);
            context.Progress($"B6 {load.Succeeded} accepted at {load.SucceededPerSecond:0.#}/s, p99 {load.Latencies.Percentile(99):0.#} ms; {backlog} not yet filed at the end");

            var deadline = DateTimeOffset.UtcNow + patience;
            while (hubSpot.FirstAnswered.Count < load.Succeeded && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }

            cpuMs = ((ProcessCpu.Seconds(host.ProcessId) ?? double.NaN) - cpuBefore) * 1000;
            azuriteCpuMs = ((azurite.ProcessId is { } pid ? ProcessCpu.Seconds(pid) ?? double.NaN : double.NaN) - azuriteCpuBefore) * 1000;
            benchCpuMs = (Environment.CpuUsage.TotalTime - benchCpuBefore).TotalMilliseconds;
            await sampling.CancelAsync();
            await sampler;
            await stageSampler;
            stageTrace = [.. whereabouts];
            var answered = hubSpot.FirstAnswered;
            var firstSent = sentAt.Values.DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
            foreach (var (email, at) in sentAt)
            {
                if (answered.TryGetValue(email, out var ack))
                {
                    crm.Add(ack - at);
                    var window = (int)((at - firstSent) / Window);
                    (windows.TryGetValue(window, out var inWindow) ? inWindow : windows[window] = new Latencies()).Add(ack - at);
                }
            }

            acknowledged = crm.Count;
            rssPeak = samples.DefaultIfEmpty(double.NaN).Max();
            rssMean = samples.DefaultIfEmpty(double.NaN).Average();
            crmCalls = hubSpot.Requests;
            var sizes = hubSpot.BatchSizesSnapshot();
            perCall = sizes.Count == 0 ? 0 : sizes.Average();
        }

        var stages = await CountStagesAsync(context, countedLeads, rate, cancellationToken);

        result.Setup.Add("Portable host (built, `dotnet LeadSync.Host.dll`), provider `hubspot` → HubSpotSimulator answering every batch upsert after 100 ms, client limiter 190 per 10 s; Azurite in memory; logging at Warning.");
        result.Setup.Add($"{rate} signed generic webhooks/s for {duration.TotalSeconds:0} s, open loop (accept latency from each request's scheduled send); webhook → CRM per lead = the simulator's answer time − send time; the inbox is counted when the senders stop; then up to {patience.TotalSeconds:0} s for the rest to reach the CRM.");
        result.Setup.Add($"Host CPU (user + system, /proc) from the first request until every lead reached the CRM (or the patience ran out), divided by the leads acknowledged; RSS of the host process sampled every 500 ms.");
        result.Setup.Add($"Storage requests by stage: a second run of {countedLeads:#,0} leads at {rate}/s (the same rate: group commits share requests between the leads of a moment) with the same host code in this process (StageStorageCallCounter: every HTTP attempt to Azurite, by the activity it runs under). `safety net`: in that run the sync safety net's hints fall due {SafetyNetDelay.TotalSeconds:0} s after filing (2 min by default) and the re-drive job runs once after every lead reached the CRM, so what the safety net costs each lead is counted too (its timer is off in that run). No lead is due for escalation within the run (first touch 1 h): `escalate` counts only the sweep's reads of what is due. (The SLA sweep's touch check reads the CRM, which HubSpotSimulator does not serve, so escalations cannot be counted against it.)");
        result.Add(Figure.AtMost("accept latency p99", Math.Round(load.Latencies.Percentile(99), 1), "ms", 50));
        result.Add(new Figure("accept latency p50", Math.Round(load.Latencies.Percentile(50), 1), "ms"));
        result.Add(new Figure($"achieved rate (target {rate}/s)", Math.Round(load.SucceededPerSecond, 1), "req/s"));
        result.Add(new Figure("failed requests", load.Failed, ""));
        result.Add(new Figure("webhook → CRM acknowledged p50", Math.Round(crm.Percentile(50)), "ms"));
        result.Add(Figure.AtMost("webhook → CRM acknowledged p99", Math.Round(crm.Percentile(99)), "ms", 5000));
        result.Add(new Figure("leads acknowledged / accepted", acknowledged, $"/ {load.Succeeded}"));
        result.Add(Figure.AtMost("inbox backlog when the senders stop", backlog, "deliveries", 100));
        result.Add(new Figure("CRM calls", crmCalls, ""));
        result.Add(new Figure("leads per CRM call", Math.Round(perCall, 1), "leads"));
        result.Add(Figure.AtMost("host CPU per lead", acknowledged == 0 ? double.NaN : Math.Round(cpuMs / acknowledged, 2), "ms", 2));
        result.Add(new Figure("Azurite CPU per lead", acknowledged == 0 ? double.NaN : Math.Round(azuriteCpuMs / acknowledged, 2), "ms"));
        result.Add(new Figure("load client and CRM simulator CPU per lead (this process)", acknowledged == 0 ? double.NaN : Math.Round(benchCpuMs / acknowledged, 2), "ms"));
        result.Add(Figure.AtMost("RSS peak", Math.Round(rssPeak, 1), "MiB", 150));
        result.Add(new Figure("RSS mean", Math.Round(rssMean, 1), "MiB"));
        foreach (var figure in stages)
        {
            result.Add(figure);
        }

        result.Notes.Add($"Where the leads were, every {StageSample.TotalSeconds:0} s (sent / waiting in the inbox, i.e. not filed yet / filed, not yet in the CRM / in the CRM): {string.Join("; ", stageTrace)}.");
        result.Notes.Add($"Accept latency by when the webhook was sent ({Window.TotalSeconds:0}-s windows, p50 / p99 in ms, from the send): " +
            string.Join("; ", acceptWindows.OrderBy(w => w.Key).Select(w => string.Create(CultureInfo.InvariantCulture,
                $"{w.Key * Window.TotalSeconds:0}–{(w.Key + 1) * Window.TotalSeconds:0} s: {w.Value.Percentile(50):0.0} / {w.Value.Percentile(99):0.0}"))) + ".");
        result.Notes.Add($"Webhook → CRM by when the webhook was sent ({Window.TotalSeconds:0}-s windows from the first send: leads, p50 / p99 in s): " +
            string.Join("; ", windows.Select(w => string.Create(CultureInfo.InvariantCulture,
                $"{w.Key * Window.TotalSeconds:0}–{(w.Key + 1) * Window.TotalSeconds:0} s: {w.Value.Count}, {w.Value.Percentile(50) / 1000:0.0} / {w.Value.Percentile(99) / 1000:0.0}"))) + ".");

        result.Notes.Add("Goals from issue 20: accept p99 ≤ 50 ms, webhook → CRM p99 ≤ 5 s, backlog ≤ 100 deliveries, RSS ≤ 150 MB, host CPU ≤ 2 ms per lead, ≤ 5 storage requests per lead from webhook to CRM acknowledged (accept + file + sync).");
        return result;
    }

    private static async Task SampleRssAsync(int pid, ConcurrentQueue<double> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (ProcessMemory.RssMiB(pid) is { } rss)
            {
                samples.Enqueue(rss);
            }

            await Task.Delay(500, CancellationToken.None);
        }
    }

    /// <summary>
    /// Every <see cref="StageSample"/> until <paramref name="stop"/>: how many leads were sent, are still in the inbox
    /// (one scan of the inbox table, keys only), are filed but not yet in the CRM, and are in the CRM.
    /// </summary>
    private static async Task SampleStagesAsync(string connectionString, Func<int> sent, Func<int> inCrm, ConcurrentQueue<string> trace, CancellationToken stop)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(StageSample, stop);
                var (sentNow, crmNow) = (sent(), inCrm());
                var inbox = await InboxProbe.CountAsync(connectionString, stop);
                trace.Enqueue(string.Create(CultureInfo.InvariantCulture,
                    $"{clock.Elapsed.TotalSeconds:0} s: {sentNow} / {inbox} / {Math.Max(0, sentNow - inbox - crmNow)} / {crmNow}"));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Storage requests per lead by stage, with the host in this process.</summary>
    private static async Task<List<Figure>> CountStagesAsync(BenchContext context, int leads, int rate, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var hubSpot = await HubSpotSimulator.StartAsync();
        hubSpot.Latency = TimeSpan.FromMilliseconds(100);
        var settings = BenchHostSettings.For(azurite.ConnectionString).WithHubSpot(hubSpot.BaseUri, 190);

        // The sync safety net's hints fall due a few seconds after filing instead of minutes, so the re-drive that
        // reads them (run once below, after every lead is in the CRM) is counted with the rest; its timer stays off.
        settings["LeadSync__Intake__SyncSafetyNetDelay"] = SafetyNetDelay.ToString("c", CultureInfo.InvariantCulture);
        settings["LeadSync__Crm__RedriveSchedule"] = "0 0 0 1 1 *";
        await using var host = await InProcessPortableHost.StartAsync(settings);
        using var counter = new StageStorageCallCounter(azurite.TablePort, azurite.QueuePort);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var webhooks = new SignedWebhooks(host.BaseUrl, tag);

        // Warm-up (tables and queues created, connections open) is not counted.
        await webhooks.SendAsync(-1, cancellationToken);
        await WaitAsync(() => hubSpot.FirstAnswered.Count >= 1, TimeSpan.FromSeconds(60), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
        counter.Reset();

        var load = await OpenLoop.RunAsync(rate, TimeSpan.FromSeconds(leads / (double)rate), webhooks.SendAsync, cancellationToken);
        await WaitAsync(() => hubSpot.FirstAnswered.Count >= load.Succeeded + 1, TimeSpan.FromSeconds(120), cancellationToken);

        await Task.Delay(SafetyNetDelay + TimeSpan.FromSeconds(2), cancellationToken);
        var redrive = await host.RunJobAsync(JobNames.Redrive, cancellationToken);
        context.Progress($"B6 re-drive after the run: {redrive?.Due} hints due, {redrive?.Acted} acted on");
        var synced = Math.Max(1, hubSpot.FirstAnswered.Count - 1);
        context.Progress($"B6 storage requests by stage over {synced} leads: {string.Join(", ", StageStorageCallCounter.Stages.Select(s => $"{s} {counter.Count(s)}"))}");
        var figures = new List<Figure>();
        var toCrm = counter.Count("accept") + counter.Count("file") + counter.Count("sync");
        figures.Add(Figure.AtMost("storage requests per lead, webhook → CRM acknowledged", Math.Round(toCrm / (double)synced, 2), "requests", 5));
        figures.Add(new Figure("storage requests per lead, all stages", Math.Round(counter.Total / (double)synced, 2), "requests"));
        foreach (var stage in StageStorageCallCounter.Stages)
        {
            figures.Add(new Figure($"storage requests per lead: {stage}", Math.Round(counter.Count(stage) / (double)synced, 2), "requests"));
        }

        foreach (var (kind, count) in counter.ByKind().Where(k => k.Value >= synced / 20))
        {
            figures.Add(new Figure($"  {kind}", Math.Round(count / (double)synced, 3), "per lead"));
        }

        return figures;
    }

    /// <summary>How often the run samples where its leads are.</summary>
    private static readonly TimeSpan StageSample = TimeSpan.FromSeconds(15);

    /// <summary>The width of the send-time windows the webhook → CRM latency is broken down by.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>The sync safety net's delay in the counted run (2 minutes by default).</summary>
    private static readonly TimeSpan SafetyNetDelay = TimeSpan.FromSeconds(15);

    private static async Task WaitAsync(Func<bool> condition, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (!condition() && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using LeadSync.Bench.Hosting;
using LeadSync.Bench.Load;
using LeadSync.Bench.Probes;
using LeadSync.Testing;
using LeadSync.Testing.Crm;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B7: the closed-loop comparison of issue 20, side by side — a fixed number of signed leads sent by 16 and by 64
/// senders (each sends its next lead when the previous one is answered), CRM simulator answering at once and after
/// 100 ms: end-to-end leads/s from the first send to the last lead acknowledged by the CRM. Each cell has its own
/// Azurite, host and simulator.
/// </summary>
public sealed class B7ClosedLoopBenchmark : IBenchmark
{
    public string Id => "B7";

    public string Title => "Closed loop end to end (2,000 leads; 16 and 64 senders; CRM 0 and 100 ms)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var leads = context.Override("B7.leads")?[0] ?? context.Size(2_000, 40);
        int[] senders = context.Override("B7.senders") ?? (context.Smoke ? [4, 8] : [16, 64]);
        int[] delays = context.Override("B7.delays") ?? [0, 100];
        var patience = TimeSpan.FromMinutes(context.Smoke ? 1 : 5);
        result.Setup.Add($"{leads:#,0} signed generic webhooks per cell, closed loop; built portable host (`dotnet LeadSync.Host.dll`), provider `hubspot` → HubSpotSimulator (client limiter 190 per 10 s); Azurite in memory; a fresh Azurite, host and simulator per cell.");
        result.Setup.Add($"End to end = {leads:#,0} ÷ (last CRM acknowledgement − first send), waiting at most {patience.TotalMinutes:0} min; host CPU = user + system (/proc) over the same span ÷ leads acknowledged.");
        foreach (var delay in delays)
        {
            foreach (var concurrency in senders)
            {
                var cell = $"{concurrency} senders, CRM {delay} ms";
                var (accepted, acked, endToEnd, acceptRate, cpuMs, azuriteCpuMs, rss) = await RunCellAsync(leads, concurrency, TimeSpan.FromMilliseconds(delay), patience, cancellationToken);
                context.Progress($"B7 {cell}: accepted {acceptRate:0}/s, end to end {endToEnd:0.#} leads/s ({acked}/{accepted}), {cpuMs:0.##} ms host CPU and {azuriteCpuMs:0.##} ms Azurite CPU per lead, RSS peak {rss:0} MiB");
                result.Add(Figure.AtLeast($"{cell}: end to end", Math.Round(endToEnd, 1), "leads/s", 400));
                result.Add(new Figure($"{cell}: accepted", Math.Round(acceptRate), "req/s"));
                result.Add(new Figure($"{cell}: leads acknowledged / sent", acked, $"/ {leads}"));
                result.Add(new Figure($"{cell}: host CPU per lead", Math.Round(cpuMs, 2), "ms"));
                result.Add(new Figure($"{cell}: Azurite CPU per lead", Math.Round(azuriteCpuMs, 2), "ms"));
                result.Add(new Figure($"{cell}: CPU-bound ceiling of this machine (cores ÷ (host + Azurite CPU per lead))", Math.Round(Environment.ProcessorCount * 1000 / (cpuMs + azuriteCpuMs)), "leads/s"));
                result.Add(new Figure($"{cell}: projected with storage off this machine (cores ÷ host CPU per lead)", Math.Round(Environment.ProcessorCount * 1000 / cpuMs), "leads/s"));
                result.Add(new Figure($"{cell}: host RSS peak", Math.Round(rss, 1), "MiB"));
            }
        }

        result.Notes.Add("Where the limit is: host, Azurite and the load client share this machine's cores. The CPU-bound ceiling divides the cores by the CPU both processes spend per lead (the load client's own CPU left out, so it is an upper bound); the projection with storage off the machine (a real storage account serves the same requests on its own servers) divides them by the host's CPU per lead alone. Neither is a measurement of a deployment: they show which process a faster rate on this machine would have to come from.");
        result.Notes.Add("Issue 20 reference (same machine, before the change): 72 leads/s with 16 senders and 22 with 64, CRM simulator without delay; n8n 1.88.0 on the same simulator 62–79 leads/s. Goal ≥ 400 leads/s, flat between 16 and 64 senders.");
        return result;
    }

    private static async Task<(int Accepted, int Acked, double EndToEnd, double AcceptRate, double CpuMsPerLead, double AzuriteCpuMsPerLead, double RssPeak)> RunCellAsync(
        int leads, int concurrency, TimeSpan delay, TimeSpan patience, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var hubSpot = await HubSpotSimulator.StartAsync();
        hubSpot.Latency = delay;
        await using var host = await DirectHostProcess.StartAsync(BenchHostSettings.For(azurite.ConnectionString).WithHubSpot(hubSpot.BaseUri, 190), cancellationToken);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var webhooks = new SignedWebhooks(host.BaseUrl, tag);
        var cpuBefore = ProcessCpu.Seconds(host.ProcessId) ?? double.NaN;
        var azuriteCpuBefore = azurite.ProcessId is { } azuritePid ? ProcessCpu.Seconds(azuritePid) ?? double.NaN : double.NaN;
        var rss = new ConcurrentBag<double>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                if (ProcessMemory.RssMiB(host.ProcessId) is { } r)
                {
                    rss.Add(r);
                }

                await Task.Delay(500, CancellationToken.None);
            }
        }, CancellationToken.None);

        var next = -1;
        var accepted = 0;
        var clock = Stopwatch.StartNew();
        var firstSend = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < leads; n = Interlocked.Increment(ref next))
            {
                if (await Attempt.RunAsync(() => webhooks.SendAsync(n, cancellationToken)))
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        }, cancellationToken)));
        var acceptRate = accepted / clock.Elapsed.TotalSeconds;

        var deadline = DateTimeOffset.UtcNow + patience;
        while (hubSpot.FirstAnswered.Count < accepted && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        var cpuMs = ((ProcessCpu.Seconds(host.ProcessId) ?? double.NaN) - cpuBefore) * 1000;
        var azuriteCpuMs = ((azurite.ProcessId is { } pid ? ProcessCpu.Seconds(pid) ?? double.NaN : double.NaN) - azuriteCpuBefore) * 1000;
        await sampling.CancelAsync();
        await sampler;
        var answered = hubSpot.FirstAnswered;
        var last = answered.Values.DefaultIfEmpty(firstSend).Max();
        var span = (last - firstSend).TotalSeconds;
        return (accepted, answered.Count, span > 0 ? answered.Count / span : 0, acceptRate, answered.Count == 0 ? double.NaN : cpuMs / answered.Count,
            answered.Count == 0 ? double.NaN : azuriteCpuMs / answered.Count, rss.DefaultIfEmpty(double.NaN).Max());
    }
}

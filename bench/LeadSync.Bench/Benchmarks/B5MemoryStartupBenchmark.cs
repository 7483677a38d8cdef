using LeadSync.Bench.Hosting;
using LeadSync.Bench.Load;
using LeadSync.Bench.Probes;
using LeadSync.Testing;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B5: start-up (process start → first 200 from /api/health, host dll launched directly, no build) and the host
/// process's resident memory (VmRSS) while it takes the B1 latency load (signed webhooks at 200 req/s).
/// </summary>
public sealed class B5MemoryStartupBenchmark : IBenchmark
{
    public string Id => "B5";

    public string Title => "Memory under load and start-up time (portable host)";

    public async Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var starts = context.Size(5, 1);
        var rate = context.Size(200, 20);
        var duration = context.Duration(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));

        await using var azurite = await AzuriteProcess.StartAsync();
        var startTimes = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            await using var probe = await DirectHostProcess.StartAsync(azurite.ConnectionString, cancellationToken);
            startTimes.Add(probe.StartedIn.TotalSeconds);
        }

        await using var host = await DirectHostProcess.StartAsync(azurite.ConnectionString, cancellationToken);
        await Task.Delay(context.Duration(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200)), cancellationToken);
        var idle = ProcessMemory.RssMiB(host.ProcessId) ?? double.NaN;
        using var webhooks = new SignedWebhooks(host.BaseUrl, Guid.NewGuid().ToString("N")[..8]);
        using var sampling = new CancellationTokenSource();
        var samples = new List<double>();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                if (ProcessMemory.RssMiB(host.ProcessId) is { } rss)
                {
                    samples.Add(rss);
                }

                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);
        var load = await OpenLoop.RunAsync(rate, duration, webhooks.SendAsync, cancellationToken);
        await sampling.CancelAsync();
        await sampler;

        startTimes.Sort();
        result.Setup.Add($"Start-up: `dotnet src/LeadSync.Host/bin/…/LeadSync.Host.dll` (what eng/run runs after its build), {starts + 1} starts against a running Azurite; time from process start to the first 200 from /api/health, polled every 10 ms.");
        result.Setup.Add($"Memory: VmRSS of the host's own dotnet process (/proc/<pid>/status, every 200 ms) during {duration.TotalSeconds:0} s of signed webhooks at {rate} req/s ({load.Succeeded} accepted, {load.Failed} failed).");
        result.Add(Figure.AtMost("start-up to first health 200 (median)", Math.Round(startTimes[startTimes.Count / 2], 3), "s", 1.5));
        result.Add(new Figure("start-up (slowest of the runs)", Math.Round(startTimes[^1], 3), "s"));
        result.Add(new Figure("start-up of the measured instance", Math.Round(host.StartedIn.TotalSeconds, 3), "s"));
        result.Add(new Figure("RSS idle after start", Math.Round(idle, 1), "MiB"));
        result.Add(Figure.AtMost($"RSS peak under {rate} req/s", Math.Round(samples.DefaultIfEmpty(double.NaN).Max(), 1), "MiB", 150));
        result.Add(new Figure($"RSS mean under {rate} req/s", Math.Round(samples.DefaultIfEmpty(double.NaN).Average(), 1), "MiB"));
        return result;
    }
}

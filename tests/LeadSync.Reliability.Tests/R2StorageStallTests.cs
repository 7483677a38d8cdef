using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using LeadSync.Testing;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// R2, stalled storage: in the middle of a load of signed deliveries storage stops answering — connections accepted,
/// requests read, nothing ever answered, as a paused (SIGSTOP) Azurite behaves — and later answers again. Meanwhile
/// every answer is a 2xx or a retryable 503 problem with Retry-After, each within the storage network time-out + 1 s
/// (no 500 after three stalled tries); health says 503 and recovers by itself; the inbox pump does not crash and
/// files on; every delivery acknowledged with a 2xx is a stored lead afterwards.
/// </summary>
public sealed class R2StorageStallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_storage_stall_mid_load_answers_only_2xx_or_a_quick_503_and_every_2xx_lead_is_stored()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var tables = FaultyStorageProxy.Start(azurite.TablePort);
        await using var queues = FaultyStorageProxy.Start(azurite.QueuePort);
        var settings = HostSettings.Merge(HostSettings.AllSources(), StorageSettings.For(tables.Port, queues.Port));
        settings["LeadSync__Storage__NetworkTimeout"] = NetworkTimeout.ToString("c", CultureInfo.InvariantCulture);
        await using var host = await PortableHostProcess.StartAsync(settings);
        var timing = new TimingHandler { InnerHandler = new HttpClientHandler() };
        using var client = new HttpClient(timing) { Timeout = TimeSpan.FromSeconds(60) };
        var api = new HostApi(host, client);
        var plan = DeliveryPlan.Build(ReliabilityScale.R2Deliveries, Guid.NewGuid().ToString("N")[..8], seed: 3);
        var unique = ExactlyOnce.UniqueEmails(plan);
        var health = new ConcurrentQueue<(TimeSpan At, HttpStatusCode? Status)>();
        TimeSpan slowest;
        using var stopProbing = new CancellationTokenSource();
        var probing = StorageFaultVerdict.ProbeHealthAsync(api, clock, health, stopProbing.Token);
        TimeSpan stalledAt = default, healedAt = default;
        var stall = Task.CompletedTask;

        var outcomes = await LoadRunner.SendAsync(() => api, plan, parallelism: 8, onProgress: n =>
        {
            if (n == plan.Count / 3)
            {
                stall = Task.Run(async () =>
                {
                    stalledAt = clock.Elapsed;
                    await Task.WhenAll(tables.SetAsync(StorageFault.Stall), queues.SetAsync(StorageFault.Stall));
                    await Task.Delay(ReliabilityScale.R2Outage);
                    await Task.WhenAll(tables.SetAsync(StorageFault.None), queues.SetAsync(StorageFault.None));
                    healedAt = clock.Elapsed;
                });
            }

            return Task.CompletedTask;
        });
        await stall;
        var healthyAgain = await WaitForAsync(() => health.Any(h => h.At > healedAt && h.Status == HttpStatusCode.OK), TimeSpan.FromSeconds(60));
        await stopProbing.CancelAsync();
        await probing;

        var answers = outcomes.Select(o => o.Outcome).ToList();
        var refused = StorageFaultVerdict.AssertAcceptedOrRetryable(answers, "stall");
        slowest = timing.SlowestPost;
        Assert.True(slowest <= NetworkTimeout + TimeSpan.FromSeconds(1),
            $"The slowest answer took {slowest.TotalSeconds:F1} s (storage time-out {NetworkTimeout.TotalSeconds} s).");
        // A probe sent during the stall answers up to the time-out later, possibly just after storage is back.
        Assert.Contains(health, h => h.At > stalledAt && h.At < healedAt + NetworkTimeout + TimeSpan.FromSeconds(1) && h.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(healthyAgain, "/api/health did not go back to 200 within 60 s of storage answering again.");

        // Every 2xx names a lead that is stored afterwards: the pump survived the stall and filed on.
        var leadIds = ExactlyOnce.AcceptedLeadIds(outcomes, plan);
        var stored = await api.WaitForLeadsAsync([.. leadIds.Values], _ => true, ReliabilityScale.Patience);
        Assert.Equal(unique.Count, stored.Count);
        LogScan.AssertClean(host.Output, unique, host.AdminKey);

        output.WriteLine(
            $"R2 stall figures: deliveries={plan.Count} unique={unique.Count} answers={answers.Count} 202={answers.Count(a => a.Status == 202)} 503={refused} " +
            $"stall={ReliabilityScale.R2Outage.TotalSeconds}s (at {stalledAt.TotalSeconds:F1}s) slowestAnswer={slowest.TotalSeconds:F1}s " +
            $"networkTimeout={NetworkTimeout.TotalSeconds}s total={clock.Elapsed.TotalSeconds:F0}s");
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return condition();
    }

    /// <summary>Measures how long each POST (a delivery) took to be answered; keeps the slowest.</summary>
    private sealed class TimingHandler : DelegatingHandler
    {
        private long _slowestTicks;

        public TimeSpan SlowestPost => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post)
            {
                var took = Stopwatch.GetElapsedTime(started).Ticks;
                long seen;
                while (took > (seen = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, took, seen) != seen)
                {
                }
            }

            return response;
        }
    }
}

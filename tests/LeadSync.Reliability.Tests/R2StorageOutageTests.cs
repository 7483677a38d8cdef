using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// R2: storage goes away in the middle of a load of signed deliveries (every connection to Azurite reset, new ones
/// refused) and comes back. Meanwhile intake answers only 202 or a retryable 503 problem, never a 2xx for a lead it did
/// not store; afterwards the host is healthy again by itself, and every delivery its sender retried ends stored and
/// synced to the CRM exactly once.
/// </summary>
public sealed class R2StorageOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_storage_outage_mid_load_refuses_with_503_loses_nothing_and_heals_by_itself()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var tables = TcpRelay.Start(azurite.TablePort);
        await using var queues = TcpRelay.Start(azurite.QueuePort);
        await using var stub = await HubSpotSimulator.StartAsync();
        await using var host = await PortableHostProcess.StartAsync(HostSettings.Merge(
            HostSettings.AllSources(), HostSettings.HubSpotCrm(stub.BaseUri), StorageSettings.For(tables.Port, queues.Port)));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new HostApi(host, client);
        var plan = DeliveryPlan.Build(ReliabilityScale.R2Deliveries, Guid.NewGuid().ToString("N")[..8], seed: 2);
        var unique = ExactlyOnce.UniqueEmails(plan);
        var health = new ConcurrentQueue<(TimeSpan At, HttpStatusCode? Status)>();
        using var stopProbing = new CancellationTokenSource();
        var probing = StorageFaultVerdict.ProbeHealthAsync(api, clock, health, stopProbing.Token);
        TimeSpan cutAt = default, restoredAt = default;
        var outage = Task.CompletedTask;

        var outcomes = await LoadRunner.SendAsync(() => api, plan, parallelism: 8, onProgress: n =>
        {
            if (n == plan.Count / 3)
            {
                outage = Task.Run(async () =>
                {
                    cutAt = clock.Elapsed;
                    await Task.WhenAll(tables.CutAsync(), queues.CutAsync());
                    await Task.Delay(ReliabilityScale.R2Outage);
                    tables.Restore();
                    queues.Restore();
                    restoredAt = clock.Elapsed;
                });
            }

            return Task.CompletedTask;
        });
        await outage;
        var sentIn = clock.Elapsed;
        var healthyAgainAt = await WaitForHealthAsync(health, restoredAt, TimeSpan.FromSeconds(60));
        await stopProbing.CancelAsync();
        await probing;

        // During the outage: only 202 or a retryable 503 problem; the outage did hit requests.
        var answers = outcomes.Select(o => o.Outcome).ToList();
        var refused = StorageFaultVerdict.AssertAcceptedOrRetryable(answers, "outage");
        Assert.Contains(health, h => h.At > cutAt && h.At < restoredAt && h.Status == HttpStatusCode.ServiceUnavailable);
        Assert.True(healthyAgainAt is not null, "/api/health did not go back to 200 within 60 s of storage returning.");

        // Every 202 names a stored lead; every delivery was eventually accepted (its sender retried the 503s).
        var leadIds = ExactlyOnce.AcceptedLeadIds(outcomes, plan);
        var stored = await api.WaitForLeadsAsync([.. leadIds.Values], _ => true, TimeSpan.FromSeconds(30));
        Assert.Equal(unique.Count, stored.Count);

        // And each reaches the CRM exactly once.
        await ExactlyOnce.AssertSyncedOnceAsync(api, stub, [.. leadIds.Values], unique);
        var contacts = stub.Contacts;
        LogScan.AssertClean(host.Output, unique, host.AdminKey);

        output.WriteLine(
            $"R2 figures: deliveries={plan.Count} unique={unique.Count} answers={answers.Count} 202={answers.Count(a => a.Status == 202)} 503={refused} " +
            $"outage={ReliabilityScale.R2Outage.TotalSeconds}s (cut at {cutAt.TotalSeconds:F1}s) " +
            $"healthyAgainAfter={(healthyAgainAt!.Value - restoredAt).TotalSeconds:F1}s healthProbes={health.Count} " +
            $"contacts={contacts.Count} reUpserts={contacts.Values.Sum(c => c.Updates)} intake={sentIn.TotalSeconds:F0}s total={clock.Elapsed.TotalSeconds:F0}s");
    }

    /// <summary>When the first 200 after <paramref name="restoredAt"/> was seen; null if none within <paramref name="patience"/>.</summary>
    private static async Task<TimeSpan?> WaitForHealthAsync(ConcurrentQueue<(TimeSpan At, HttpStatusCode? Status)> health, TimeSpan restoredAt, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (health.FirstOrDefault(h => h.At > restoredAt && h.Status == HttpStatusCode.OK) is { Status: not null } first)
            {
                return first.At;
            }

            await Task.Delay(250);
        }

        return null;
    }
}

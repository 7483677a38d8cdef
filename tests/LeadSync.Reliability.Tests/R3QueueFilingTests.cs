using System.Diagnostics;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// R3 with queue filing (<c>LeadSync:Intake:Filing = Queue</c>, the Functions app's setting): the host that received
/// the deliveries is killed with SIGKILL mid-intake and a new instance on the same storage files what it left, through
/// the <c>lead-file</c> queue alone — the inbox recovery age is an hour and queue filing does no start-up scan, so
/// nothing else could file them. Every accepted lead is stored and reaches the CRM exactly once, within seconds.
/// </summary>
public sealed class R3QueueFilingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Deliveries_accepted_by_a_killed_instance_are_filed_by_another_through_the_queue_exactly_once()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var stub = await HubSpotSimulator.StartAsync();
        var settings = HostSettings.Merge(HostSettings.AllSources(), HostSettings.HubSpotCrm(stub.BaseUri), StorageSettings.For(azurite));
        settings["LeadSync__Intake__Filing"] = "Queue";
        settings["LeadSync__Intake__InboxRecoverAfter"] = "01:00:00";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new HostApi(await PortableHostProcess.StartAsync(settings), client);
        var hosts = new List<PortableHostProcess> { api.Host };
        try
        {
            var plan = DeliveryPlan.Build(ReliabilityScale.R3Deliveries, Guid.NewGuid().ToString("N")[..8], seed: 5);
            var unique = ExactlyOnce.UniqueEmails(plan);
            var restart = Task.CompletedTask;
            TimeSpan killedAt = default;
            var outcomes = await LoadRunner.SendAsync(() => api, plan, parallelism: 8, onProgress: n =>
            {
                if (n == plan.Count / 2)
                {
                    restart = Task.Run(async () =>
                    {
                        await api.Host.KillAsync();
                        killedAt = clock.Elapsed;
                        var next = await PortableHostProcess.StartAsync(settings);
                        lock (hosts)
                        {
                            hosts.Add(next);
                        }

                        api = new HostApi(next, client);
                    });
                }

                return Task.CompletedTask;
            });
            await restart;
            Assert.All(outcomes, o => Assert.True(o.Outcome.Status is 202 or 0, $"Unexpected answer {o.Outcome.Status}."));
            var leadIds = ExactlyOnce.AcceptedLeadIds(outcomes, plan);

            var stored = await api.WaitForLeadsAsync([.. leadIds.Values], _ => true, TimeSpan.FromSeconds(60));
            var allStoredAt = clock.Elapsed;
            Assert.True(unique.Count == stored.Count,
                $"{unique.Count - stored.Count} of {unique.Count} accepted leads were never filed. Host output:\n" +
                string.Join('\n', hosts.SelectMany(h => h.Output).Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase)).Take(30)));
            await ExactlyOnce.AssertSyncedOnceAsync(api, stub, [.. leadIds.Values], unique);

            output.WriteLine(
                $"R3 queue filing figures: deliveries={plan.Count} unique={unique.Count} killedAt={killedAt.TotalSeconds:F1}s " +
                $"allStoredAt={allStoredAt.TotalSeconds:F1}s contacts={stub.Contacts.Count} total={clock.Elapsed.TotalSeconds:F0}s");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}

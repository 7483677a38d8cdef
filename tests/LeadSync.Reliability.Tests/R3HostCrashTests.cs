using System.Diagnostics;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// R3: the portable host is killed with SIGKILL twice — once while senders are still delivering and the CRM is down (every
/// sync failing and being retried), once while the CRM is slow and failing so sync work is mid-flight — and restarted each time on the same
/// Azurite with the same settings. Every lead any host answered 202 for is there afterwards, and each reaches the CRM
/// as exactly one contact and is marked synced exactly once.
/// </summary>
public sealed class R3HostCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_accepted_lead_is_synced_exactly_once_across_sigkills_of_the_host()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var stub = await HubSpotSimulator.StartAsync();
        // Down during intake: every lead's sync is failing and being retried when the first kill comes.
        stub.Faults.Outage = true;
        var settings = HostSettings.Merge(HostSettings.AllSources(), HostSettings.HubSpotCrm(stub.BaseUri), StorageSettings.For(azurite));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new HostApi(await PortableHostProcess.StartAsync(settings), client);
        var hosts = new List<PortableHostProcess> { api.Host };
        try
        {
            var plan = DeliveryPlan.Build(ReliabilityScale.R3Deliveries, Guid.NewGuid().ToString("N")[..8], seed: 3);
            var unique = ExactlyOnce.UniqueEmails(plan);

            // Kill 1: during intake. Senders keep going; those that hit the dead host retry against the new one.
            var acceptedBeforeKill = 0;
            var restart = Task.CompletedTask;
            var outcomes = await LoadRunner.SendAsync(() => api, plan, parallelism: 8, onProgress: n =>
            {
                if (n == plan.Count / 2)
                {
                    acceptedBeforeKill = n;
                    restart = Task.Run(async () =>
                    {
                        await api.Host.KillAsync();
                        api = new HostApi(await StartAsync(settings, hosts), client);
                    });
                }

                return Task.CompletedTask;
            });
            await restart;
            var intakeDone = clock.Elapsed;

            var leadIds = ExactlyOnce.AcceptedLeadIds(outcomes, plan);
            Assert.All(outcomes, o => Assert.True(o.Outcome.Status is 202 or 0, $"Unexpected answer {o.Outcome.Status}."));

            // Kill 2: once the CRM is back but slow and failing, with sync work in flight (some contacts written, some
            // not, some written but not yet answered).
            stub.Latency = TimeSpan.FromSeconds(1);
            stub.Faults.FailureRate = 0.3;
            stub.Faults.Outage = false;
            var contactsAtKill = await WaitForContactsAsync(stub, Math.Max(1, unique.Count / 3), TimeSpan.FromSeconds(60));
            await api.Host.KillAsync();
            stub.Latency = TimeSpan.FromMilliseconds(100);
            stub.Faults.FailureRate = 0.1;
            api = new HostApi(await StartAsync(settings, hosts), client);

            var stored = await api.WaitForLeadsAsync([.. leadIds.Values], _ => true, TimeSpan.FromSeconds(30));
            Assert.True(unique.Count == stored.Count,
                $"{unique.Count - stored.Count} of {unique.Count} accepted leads were never stored. Host errors:\n" +
                string.Join('\n', hosts.SelectMany(h => h.Output).Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase)).Take(30)));
            await ExactlyOnce.AssertSyncedOnceAsync(api, stub, [.. leadIds.Values], unique);
            var contacts = stub.Contacts;

            output.WriteLine(
                $"R3 figures: deliveries={plan.Count} unique={unique.Count} acceptedBeforeKill1={acceptedBeforeKill} " +
                $"failedAttempts={outcomes.Count(o => o.Outcome.Status == 0)} " +
                $"contactsAtKill2={contactsAtKill}/{unique.Count} contacts={contacts.Count} reUpserts={contacts.Values.Sum(c => c.Updates)} " +
                $"crmRequests={stub.Requests} faultsInjected={stub.Faults.Served} intake={intakeDone.TotalSeconds:F0}s total={clock.Elapsed.TotalSeconds:F0}s");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<PortableHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, List<PortableHostProcess> hosts)
    {
        var host = await PortableHostProcess.StartAsync(settings);
        lock (hosts)
        {
            hosts.Add(host);
        }

        return host;
    }

    /// <summary>Waits until the CRM holds at least <paramref name="count"/> contacts (or patience runs out); returns how many it holds.</summary>
    private static async Task<int> WaitForContactsAsync(HubSpotSimulator stub, int count, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (stub.Contacts.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return stub.Contacts.Count;
    }
}

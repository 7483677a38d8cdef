using System.Diagnostics;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// R1: deliveries with 10 % re-deliveries while the CRM fails 30 % of its calls with 429/5xx and goes fully down for a
/// while; the CRM ends with exactly the unique leads, each created once, and every lead is synced exactly once.
/// </summary>
public sealed class R1NoLossNoDuplicatesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_unique_lead_reaches_the_crm_exactly_once_through_faults_and_an_outage()
    {
        var clock = Stopwatch.StartNew();
        await using var stub = await HubSpotSimulator.StartAsync();
        stub.Faults.FailureRate = 0.3;
        await using var host = await PortableHostProcess.StartAsync(HostSettings.Merge(HostSettings.AllSources(), HostSettings.HubSpotCrm(stub.BaseUri)));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new HostApi(host, client);
        var plan = DeliveryPlan.Build(ReliabilityScale.R1Deliveries, Guid.NewGuid().ToString("N")[..8], seed: 1);
        var unique = ExactlyOnce.UniqueEmails(plan);
        var outageAt = plan.Count / 2;
        var outage = Task.CompletedTask;

        var outcomes = await LoadRunner.SendAsync(() => api, plan, parallelism: 16, onProgress: n =>
        {
            if (n == outageAt)
            {
                outage = Task.Run(async () =>
                {
                    stub.Faults.Outage = true;
                    await Task.Delay(ReliabilityScale.R1Outage);
                    stub.Faults.Outage = false;
                });
            }

            return Task.CompletedTask;
        });
        await outage;
        var sentIn = clock.Elapsed;

        var leadIds = ExactlyOnce.AcceptedLeadIds(outcomes, plan);
        await ExactlyOnce.AssertSyncedOnceAsync(api, stub, [.. leadIds.Values], unique);
        var contacts = stub.Contacts;
        LogScan.AssertClean(host.Output, unique, host.AdminKey);

        output.WriteLine(
            $"R1 figures: deliveries={plan.Count} unique={unique.Count} redeliveries={plan.Count - unique.Count} " +
            $"crmRequests={stub.Requests} faultsInjected={stub.Faults.Served} byStatus={string.Join(',', stub.Faults.ServedByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"))} " +
            $"non202Answers={outcomes.Count(o => o.Outcome.Status != 202)} outage={ReliabilityScale.R1Outage.TotalSeconds}s contacts={contacts.Count} reUpserts={contacts.Values.Sum(c => c.Updates)} " +
            $"intake={sentIn.TotalSeconds:F0}s total={clock.Elapsed.TotalSeconds:F0}s");
    }
}

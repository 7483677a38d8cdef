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
        await using var stub = await HubSpotStub.StartAsync();
        stub.Faults.FailureRate = 0.3;
        await using var host = await PortableHostProcess.StartAsync(HostSettings.Merge(HostSettings.AllSources(), HostSettings.HubSpotCrm(stub.BaseUri)));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var api = new HostApi(host, client);
        var plan = DeliveryPlan.Build(ReliabilityScale.R1Deliveries, Guid.NewGuid().ToString("N")[..8], seed: 1);
        var unique = plan.Select(d => d.Email).Distinct(StringComparer.Ordinal).ToList();
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

        var accepted = outcomes.Where(o => o.Outcome.Status == 202).ToList();
        var leadIds = accepted.GroupBy(a => a.WebhookId).ToDictionary(g => g.Key, g => g.Select(a => a.Outcome.LeadId!).Distinct().Single());
        Assert.Equal(plan.Select(d => d.WebhookId).Distinct().Count(), leadIds.Count);
        Assert.Equal(unique.Count, leadIds.Values.Distinct().Count());
        var synced = await api.WaitForLeadsAsync([.. leadIds.Values], l => HostApi.Status(l) == "Synced", ReliabilityScale.Patience);
        var contacts = stub.Contacts;
        Assert.Equal(unique.Count, synced.Count);
        Assert.Equal(unique.Count, contacts.Count);
        Assert.All(unique, email => Assert.Equal(1, contacts[email].Creates));
        Assert.All(synced.Values, lead => Assert.Equal(1, HostApi.Count(lead, "crm.synced")));
        // Redeliveries (and retries whose answer was lost) are filed once: one lead, received once.
        Assert.All(synced.Values, lead => Assert.Equal(1, HostApi.Count(lead, "lead.received")));
        LogScan.AssertClean(host.Output, unique, host.AdminKey);

        output.WriteLine(
            $"R1 figures: deliveries={plan.Count} unique={unique.Count} redeliveries={plan.Count - unique.Count} " +
            $"crmRequests={stub.Requests} faultsInjected={stub.Faults.Served} byStatus={string.Join(',', stub.Faults.ServedByStatus.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"))} " +
            $"non202Answers={outcomes.Count(o => o.Outcome.Status != 202)} outage={ReliabilityScale.R1Outage.TotalSeconds}s contacts={contacts.Count} reUpserts={contacts.Values.Sum(c => c.Updates)} " +
            $"intake={sentIn.TotalSeconds:F0}s total={clock.Elapsed.TotalSeconds:F0}s");
    }
}

using Azure.Storage.Queues.Models;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Testing;
using LeadSync.Testing.Crm;
using LeadSync.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>
/// A sync backlog (sales-ready leads with their lead-sync messages, as a CRM outage leaves them) handled the way the
/// hosts handle it — many messages at once through QueueWork — into the HubSpot simulator through the real adapter.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SyncBacklogBatchingTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Backlog = 300;
    private HubSpotSimulator _hubSpot = null!;
    private TestServices _services = null!;

    public async Task InitializeAsync()
    {
        _hubSpot = await HubSpotSimulator.StartAsync();
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Crm:Provider"] = "hubspot",
            ["LeadSync:Crm:HubSpot:BaseUrl"] = _hubSpot.BaseUri.ToString(),
            ["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test",

            // A backlog an outage left behind is older than the versions filing keeps (RecentLeadsMaxAge): each lead is read.
            ["LeadSync:Storage:RecentLeadsMaxAge"] = "00:00:00",
        },
        start: DateTimeOffset.UtcNow,
        // The batch linger runs on the real clock here, like the CRM client's rate limiter.
        configure: s => s.AddSingleton(TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _hubSpot.DisposeAsync();
    }

    [Fact]
    public async Task A_backlog_syncs_every_lead_exactly_once_in_far_fewer_crm_calls_than_leads()
    {
        var emails = Enumerable.Range(0, Backlog).Select(i => $"backlog{i}@example.com").ToList();
        var leadIds = new string[Backlog];
        await Parallel.ForEachAsync(Enumerable.Range(0, Backlog), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => leadIds[i] = await Pipeline.IntakeAsync(_services, emails[i]));
        var messages = await ReceiveAllAsync(Backlog);

        var work = _services.Get<QueueWork>();
        using var leadReads = new LeadPointReads();
        var outcomes = await Task.WhenAll(messages.Select(m => work.HandleAsync(QueueNames.LeadSync, m.MessageText, CancellationToken.None)));
        var readsWhileSyncing = leadReads.Count;

        Assert.All(outcomes, o => Assert.True(o.Completed, o.Detail));
        var contacts = _hubSpot.Contacts;
        Assert.Equal(Backlog, contacts.Count);
        Assert.All(contacts.Values, c => Assert.Equal((1, 0), (c.Creates, c.Updates)));
        var batches = _hubSpot.BatchSizesSnapshot();
        output.WriteLine($"{Backlog} leads in {batches.Count} upsert calls: {string.Join(", ", batches)}");
        Assert.Equal(Backlog, batches.Sum());
        Assert.True(batches.Count <= Backlog / 10, $"{batches.Count} calls for {Backlog} leads: {string.Join(", ", batches)}");

        // One lead read per synced lead: the version read before the upsert is the one the Synced write is decided on.
        Assert.Equal(Backlog, readsWhileSyncing);

        var store = _services.Get<ILeadStore>();
        for (var i = 0; i < Backlog; i++)
        {
            var lead = await store.GetAsync(leadIds[i], CancellationToken.None);
            Assert.Equal(LeadStatus.Synced, lead!.Status);
            Assert.Equal(contacts[emails[i]].Id, lead.CrmId);
            Assert.Equal(HubSpotSimulator.OwnerId, lead.Owner);
        }
    }

    private async Task<List<QueueMessage>> ReceiveAllAsync(int expected)
    {
        var queue = await _services.Get<StorageClients>().QueueAsync(QueueNames.LeadSync, CancellationToken.None);
        var received = new List<QueueMessage>();
        var leads = 0;
        while (leads < expected)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            Assert.NotEmpty(batch);
            received.AddRange(batch);
            leads += batch.Sum(m => LeadSyncMessage.LeadIds(LeadSync.Core.Telemetry.WorkMessage.Unwrap(m.MessageText).Body).Count);
        }

        return received;
    }
}

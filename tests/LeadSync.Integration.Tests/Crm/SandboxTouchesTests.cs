using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Crm.Sandbox;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Crm;

[Collection(AzuriteCollection.Name)]
public sealed class SandboxTouchesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Touches_of_more_leads_than_one_query_names_are_read_for_each_lead_in_order()
    {
        var ids = new List<string>();
        for (var i = 0; i < 31; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"touch{i}@example.com"));
        }

        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var store = _services.Get<ILeadStore>();
        var leads = new List<Lead>();
        foreach (var id in ids)
        {
            leads.Add((await store.GetAsync(id, CancellationToken.None))!);
        }

        var sandbox = _services.Get<SandboxCrmGateway>();
        var touchedAt = _services.Time.GetUtcNow().AddMinutes(5);
        foreach (var i in new[] { 0, 13, 14, 30 })
        {
            await sandbox.RecordActivityAsync(ids[i], CrmLeadState.Contacted, touchedAt, CancellationToken.None);
        }

        await sandbox.RecordActivityAsync(ids[20], CrmLeadState.Converted, touchedAt, CancellationToken.None);
        var unknown = leads[1] with { Id = LeadIdFactory.FromDelivery("generic", "never-synced") };

        // Reversed, with a lead the CRM does not know in the middle: the answer follows the order asked.
        List<Lead> asked = [.. Enumerable.Reverse(leads).Take(10), unknown, .. Enumerable.Reverse(leads).Skip(10)];
        var touches = await sandbox.GetTouchesAsync(asked, CancellationToken.None);

        Assert.Equal(asked.Select(l => l.Id), touches.Select(t => t.LeadId));
        var byId = touches.ToDictionary(t => t.LeadId);
        foreach (var i in new[] { 0, 13, 14, 30 })
        {
            Assert.Equal((CrmLeadState.Contacted, touchedAt, 1), (byId[ids[i]].State, byId[ids[i]].FirstTouchAt, byId[ids[i]].Attempts));
        }

        Assert.Equal(CrmLeadState.Converted, byId[ids[20]].State);
        Assert.Equal(CrmLeadState.Untouched, byId[unknown.Id].State);
        Assert.Equal(27, touches.Count(t => t.State == CrmLeadState.Untouched));
    }
}

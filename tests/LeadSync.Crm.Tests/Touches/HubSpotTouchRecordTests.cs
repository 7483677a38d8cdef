using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Touches;

/// <summary>Marketing touches as HubSpot notes associated to the contact, against the HubSpot simulator.</summary>
public sealed class HubSpotTouchRecordTests : IAsyncLifetime
{
    private HubSpotSimulator _stub = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _stub = await HubSpotSimulator.StartAsync();
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        _services = CrmServices.Build(settings, s => s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Each_touch_becomes_one_note_on_the_contact_timeline_once()
    {
        var lead = new LeadBuilder().Build();
        var synced = (await _services.Gateway().UpsertAsync([lead], default)).Single();
        var harness = new TouchRecorderHarness(_services, lead with { CrmId = synced.CrmId, Owner = synced.Owner, Status = Core.Leads.LeadStatus.Synced });

        var first = await harness.Recorder.RecordAsync(lead.Id, default);
        var again = await harness.Recorder.RecordAsync(lead.Id, default);

        Assert.True(first.Completed && again.Completed, first.Detail);
        Assert.Equal(2, _stub.Notes.Count);
        Assert.All(_stub.Notes, n => Assert.Equal(synced.CrmId, n.ContactId));
        Assert.Equal(["2026-11-23T09:00:00.000Z", "2026-11-25T14:00:00.000Z"], _stub.Notes.Select(n => n.Timestamp).Order(StringComparer.Ordinal));
        Assert.Contains(_stub.Notes, n => n.Body.StartsWith("Marketing touch: unbounce", StringComparison.Ordinal) && n.Body.Contains("campaign Q4 webinar", StringComparison.Ordinal));
    }
}

using Azure.Core;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using LeadSync.Infrastructure.Crm.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Touches;

/// <summary>Marketing touches as Dataverse notes (annotations) regarding the lead, against the Dataverse simulator.</summary>
public sealed class DynamicsTouchRecordTests : IAsyncLifetime
{
    private DynamicsSimulator _sim = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sim = await DynamicsSimulator.StartAsync();
        var settings = CrmServices.FastResilience("LeadSync:Crm:Dynamics");
        settings["LeadSync:Crm:Provider"] = "dynamics";
        settings["LeadSync:Crm:Dynamics:OrganizationUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe";
        settings["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1";
        settings["LeadSync:Crm:Dynamics:ClientSecret"] = "secret";
        var credential = new FakeTokenCredential(_sim, TimeSpan.FromHours(1));
        _services = CrmServices.Build(settings, s =>
        {
            s.AddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, credential);
            s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Each_touch_becomes_one_annotation_regarding_the_lead_once_even_after_a_lost_marker()
    {
        var lead = new LeadBuilder().Build();
        var synced = (await _services.Gateway().UpsertAsync([lead], default)).Single();
        var harness = new TouchRecorderHarness(_services, lead with { CrmId = synced.CrmId, Owner = synced.Owner, Status = Core.Leads.LeadStatus.Synced });

        var first = await harness.Recorder.RecordAsync(lead.Id, default);
        harness.Log.Forget();
        var replay = await harness.Recorder.RecordAsync(lead.Id, default);

        Assert.True(first.Completed && replay.Completed, first.Detail + " / " + replay.Detail);
        Assert.Equal(2, _sim.Annotations.Count);
        Assert.All(_sim.Annotations.Values, a => Assert.Equal(Guid.Parse(synced.CrmId!), a.Lead));
        Assert.Equal(["Marketing touch: typeform", "Marketing touch: unbounce"], _sim.Annotations.Values.Select(a => a.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(2, harness.Log.Handled);
    }
}

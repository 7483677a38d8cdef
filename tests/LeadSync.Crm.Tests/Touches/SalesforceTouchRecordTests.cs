using LeadSync.Crm.Tests.Salesforce;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Touches;

/// <summary>Marketing touches as Salesforce Tasks (and a CampaignMember when mapped), against the Salesforce simulator.</summary>
public sealed class SalesforceTouchRecordTests : IAsyncLifetime
{
    private SalesforceSimulator _sim = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sim = await SalesforceSimulator.StartAsync();
        var settings = CrmServices.FastResilience("LeadSync:Crm:Salesforce");
        settings["LeadSync:Crm:Provider"] = "salesforce";
        settings["LeadSync:Crm:Salesforce:MyDomainUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Salesforce:ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync:Crm:Salesforce:ClientSecret"] = SalesforceSimulator.ClientSecret;
        settings["LeadSync:Crm:Touches:Salesforce:Campaigns:Q4 webinar"] = "701000000000001AAA";
        _services = CrmServices.Build(settings, s => s.AddCrmTouchWriters(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Each_touch_becomes_one_task_once_and_the_mapped_campaign_one_member_even_after_a_lost_marker()
    {
        var synced = (await _services.Gateway().UpsertAsync([new LeadBuilder().Build()], default)).Single();
        var harness = new TouchRecorderHarness(_services, new LeadBuilder().Build() with { Id = synced.LeadId, CrmId = synced.CrmId, Owner = synced.Owner, Status = Core.Leads.LeadStatus.Synced });

        var first = await harness.Recorder.RecordAsync(harness.Lead.Id, default);
        var again = await harness.Recorder.RecordAsync(harness.Lead.Id, default);
        harness.Log.Forget();
        var replay = await harness.Recorder.RecordAsync(harness.Lead.Id, default);

        Assert.True(first.Completed && again.Completed && replay.Completed, first.Detail);
        Assert.Equal(2, _sim.TouchTasks.Count);
        var tasks = _sim.TouchTasks.Values.OrderBy(t => t["ActivityDate"]!.GetValue<string>()).ToList();
        Assert.Equal(["Marketing touch: typeform", "Marketing touch: unbounce"], tasks.Select(t => t["Subject"]!.GetValue<string>()));
        Assert.Equal(["2026-11-23", "2026-11-25"], tasks.Select(t => t["ActivityDate"]!.GetValue<string>()));
        Assert.All(tasks, t => Assert.Equal(synced.CrmId, t["WhoId"]!.GetValue<string>()));
        var description = tasks[0]["Description"]!.GetValue<string>();
        Assert.Contains("campaign Q4 ebook", description, StringComparison.Ordinal);
        Assert.Contains("UTM: source=google medium=cpc", description, StringComparison.Ordinal);
        Assert.Contains("Budget: 50k", description, StringComparison.Ordinal);
        Assert.Contains("Score: 80", description, StringComparison.Ordinal);
        Assert.DoesNotContain("@", description, StringComparison.Ordinal);
        Assert.Equal([("701000000000001AAA", synced.CrmId!)], _sim.CampaignMembers);
    }
}

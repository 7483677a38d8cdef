using LeadSync.Core.Intake.Erasure;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Salesforce;

/// <summary>Erasure deletes the Salesforce Lead by external id; a missing record is "not found", an outage is retried.</summary>
public sealed class SalesforceErasureTests : IAsyncLifetime
{
    private SalesforceSimulator _sim = null!;

    public async Task InitializeAsync() => _sim = await SalesforceSimulator.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private ServiceProvider Services()
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Salesforce");
        settings["LeadSync:Crm:Provider"] = "salesforce";
        settings["LeadSync:Crm:Salesforce:MyDomainUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Salesforce:ClientId"] = SalesforceSimulator.ClientId;
        settings["LeadSync:Crm:Salesforce:ClientSecret"] = SalesforceSimulator.ClientSecret;
        settings["LeadSync:Crm:Salesforce:Resilience:MaxRetryAttempts"] = "0";
        return CrmServices.Build(settings);
    }

    [Fact]
    public async Task Erasure_deletes_the_lead_by_external_id_and_a_second_erasure_finds_nothing()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        await sp.Gateway().UpsertAsync([lead], default);
        Assert.True(_sim.Leads.ContainsKey(lead.Id));

        var first = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);
        var second = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);

        Assert.Equal(ErasureStatus.Erased, first.Status);
        Assert.False(_sim.Leads.ContainsKey(lead.Id));
        Assert.Equal(ErasureStatus.NotFound, second.Status);
    }

    [Fact]
    public async Task An_unavailable_org_leaves_the_deletion_pending_for_a_retry()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        await sp.Gateway().UpsertAsync([lead], default);
        _sim.Faults.FailNext(1, 503, """[{"message":"try later","errorCode":"SERVER_UNAVAILABLE"}]""");

        var result = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);

        Assert.Equal(ErasureStatus.Pending, result.Status);
        Assert.True(_sim.Leads.ContainsKey(lead.Id));
    }
}

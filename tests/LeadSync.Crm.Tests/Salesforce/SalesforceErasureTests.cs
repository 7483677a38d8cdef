using LeadSync.Core.Intake.Erasure;
using LeadSync.Crm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Salesforce;

/// <summary>Erasure deletes the Salesforce Lead by external id; a missing record is "not found", an outage is retried.</summary>
public sealed class SalesforceErasureTests : SalesforceSimulatorTest
{
    private ServiceProvider Services() => SalesforceServices(s => s["LeadSync:Crm:Salesforce:Resilience:MaxRetryAttempts"] = "0");

    [Fact]
    public async Task Erasure_deletes_the_lead_by_external_id_and_a_second_erasure_finds_nothing()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        await sp.Gateway().UpsertAsync([lead], default);
        Assert.True(Sim.Leads.ContainsKey(lead.Id));

        var first = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);
        var second = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);

        Assert.Equal(ErasureStatus.Erased, first.Status);
        Assert.False(Sim.Leads.ContainsKey(lead.Id));
        Assert.Equal(ErasureStatus.NotFound, second.Status);
    }

    [Fact]
    public async Task An_unavailable_org_leaves_the_deletion_pending_for_a_retry()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        await sp.Gateway().UpsertAsync([lead], default);
        Sim.Faults.FailNext(1, 503, """[{"message":"try later","errorCode":"SERVER_UNAVAILABLE"}]""");

        var result = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);

        Assert.Equal(ErasureStatus.Pending, result.Status);
        Assert.True(Sim.Leads.ContainsKey(lead.Id));
    }
}

using Azure.Core;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Dynamics;

/// <summary>Erasure deletes the Dataverse lead row by alternate key; a missing row is "not found", an outage is retried.</summary>
public sealed class DynamicsErasureTests : DynamicsSimulatorTest
{
    private ServiceProvider Services() => DynamicsServices(s => s["LeadSync:Crm:Dynamics:Resilience:MaxRetryAttempts"] = "0");

    [Fact]
    public async Task Erasure_deletes_the_row_by_alternate_key_and_a_second_erasure_finds_nothing()
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
    public async Task An_unavailable_environment_leaves_the_deletion_pending_for_a_retry()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        await sp.Gateway().UpsertAsync([lead], default);
        Sim.Faults.FailNext(1, 503, """{"error":{"code":"","message":"Service Unavailable"}}""");

        var result = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);

        Assert.Equal(ErasureStatus.Pending, result.Status);
        Assert.True(Sim.Leads.ContainsKey(lead.Id));
    }
}

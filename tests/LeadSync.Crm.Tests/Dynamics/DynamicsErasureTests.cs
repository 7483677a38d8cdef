using Azure.Core;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using Microsoft.Extensions.DependencyInjection;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Dynamics;

/// <summary>Erasure deletes the Dataverse lead row by alternate key; a missing row is "not found", an outage is retried.</summary>
public sealed class DynamicsErasureTests : IAsyncLifetime
{
    private DynamicsSimulator _sim = null!;
    private FakeTokenCredential _credential = null!;

    public async Task InitializeAsync()
    {
        _sim = await DynamicsSimulator.StartAsync();
        _credential = new FakeTokenCredential(_sim, TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private ServiceProvider Services()
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:Dynamics");
        settings["LeadSync:Crm:Provider"] = "dynamics";
        settings["LeadSync:Crm:Dynamics:OrganizationUrl"] = _sim.BaseUri.ToString();
        settings["LeadSync:Crm:Dynamics:TenantId"] = "00000000-0000-0000-0000-00000000cafe";
        settings["LeadSync:Crm:Dynamics:ClientId"] = "00000000-0000-0000-0000-0000000000a1";
        settings["LeadSync:Crm:Dynamics:ClientSecret"] = "secret";
        settings["LeadSync:Crm:Dynamics:Resilience:MaxRetryAttempts"] = "0";
        return CrmServices.Build(settings, s => s.AddKeyedSingleton<TokenCredential>(CrmProvider.Dynamics, _credential));
    }

    [Fact]
    public async Task Erasure_deletes_the_row_by_alternate_key_and_a_second_erasure_finds_nothing()
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
    public async Task An_unavailable_environment_leaves_the_deletion_pending_for_a_retry()
    {
        await using var sp = Services();
        var lead = new LeadBuilder().Build();
        await sp.Gateway().UpsertAsync([lead], default);
        _sim.Faults.FailNext(1, 503, """{"error":{"code":"","message":"Service Unavailable"}}""");

        var result = await sp.Gateway().EraseAsync(new ErasureIdentity(lead.Id, lead.Contact.Email, null), default);

        Assert.Equal(ErasureStatus.Pending, result.Status);
        Assert.True(_sim.Leads.ContainsKey(lead.Id));
    }
}

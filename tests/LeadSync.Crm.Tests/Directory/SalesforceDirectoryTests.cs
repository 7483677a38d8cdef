using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Crm.Tests.Support;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Directory;

/// <summary>SOQL over User (ManagerId, IsActive, every page) → people; Account by Website → account owner; the routed owner on the upsert.</summary>
public sealed class SalesforceDirectoryTests : SalesforceSimulatorTest
{
    private ServiceProvider Services() => SalesforceServices();

    [Fact]
    public async Task Users_of_every_page_map_with_their_manager_and_active_flag()
    {
        Sim.PageSize = 2;
        Sim.SalesUsers.Add(new CrmUser("005000000000001AAA", "max@acme.com", "Max", "Manager"));
        Sim.SalesUsers.Add(new CrmUser("005000000000002AAA", "dana@acme.com", "Dana", "Rep") { ManagerId = "005000000000001AAA" });
        Sim.SalesUsers.Add(new CrmUser("005000000000003AAA", "old@acme.com", "Old", "Timer", Active: false) { ManagerId = "005000000000001AAA" });
        await using var sp = Services();

        var users = await ((ICrmUserSource)sp.Gateway()).ListUsersAsync(default);

        Assert.Equal(3, users.Count);
        Assert.Equal(new SyncedUser("005000000000002AAA", "dana@acme.com", "Dana Rep", true) { ManagerCrmUserId = "005000000000001AAA" }.ManagerCrmUserId,
            users.Single(u => u.Email == "dana@acme.com").ManagerCrmUserId);
        Assert.False(users.Single(u => u.Email == "old@acme.com").Active);
        Assert.Contains(Sim.Soql, q => q.Contains("FROM User", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_whose_website_host_is_the_domain_gives_its_owner()
    {
        Sim.Accounts.Add(new CrmAccount("001000000000009AAA", "Not Acme", "https://notacme.com", "005000000000004AAA"));
        Sim.Accounts.Add(new CrmAccount("001000000000001AAA", "Acme", "https://www.acme.com/", "005000000000002AAA"));
        await using var sp = Services();
        var lookup = (ICrmAccountLookup)sp.Gateway();

        Assert.Equal(new AccountMatch("acme.com", "001000000000001AAA", "Acme", "005000000000002AAA"), await lookup.FindByDomainAsync("acme.com", default));
        Assert.Null(await lookup.FindByDomainAsync("beta.io", default));
    }

    [Fact]
    public async Task A_routed_lead_is_created_with_its_owner_and_a_reassign_rung_sets_it()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var lead = new LeadBuilder().Build() with { RoutedOwner = SalesforceSimulator.Users[1], RoutedAt = DateTimeOffset.UnixEpoch };

        var result = (await gateway.UpsertAsync([lead], default)).Single();
        var moved = await gateway.AssignOwnerAsync(lead with { CrmId = result.CrmId }, SalesforceSimulator.Users[2], default);

        Assert.Equal(SalesforceSimulator.Users[1], result.Owner);
        Assert.True(moved.Outcome.Succeeded, moved.Outcome.Reason);
        Assert.Equal(SalesforceSimulator.Users[2], Sim.Leads[lead.Id].OwnerId);
    }
}

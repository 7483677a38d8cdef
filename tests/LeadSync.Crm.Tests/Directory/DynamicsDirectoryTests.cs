using Azure.Core;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Crm.Tests.Dynamics;
using LeadSync.Crm.Tests.Support;
using LeadSync.Infrastructure.Crm;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Directory;

/// <summary>systemusers (parentsystemuserid, isdisabled, application users left out, every page) → people; account by websiteurl → owner; the routed owner bound on create.</summary>
public sealed class DynamicsDirectoryTests : DynamicsSimulatorTest
{
    private ServiceProvider Services() => DynamicsServices();

    [Fact]
    public async Task Systemusers_of_every_page_map_with_their_manager_and_disabled_flag()
    {
        var manager = DynamicsSimulator.Users[0].ToString("D");
        Sim.UserPageSize = 1;
        Sim.SystemUserRecords.Add(new CrmUser(manager, "max@acme.com", "Max", "Manager"));
        Sim.SystemUserRecords.Add(new CrmUser(DynamicsSimulator.Users[1].ToString("D"), "dana@acme.com", "Dana", "Rep") { ManagerId = manager });
        Sim.SystemUserRecords.Add(new CrmUser(DynamicsSimulator.Users[2].ToString("D"), "old@acme.com", "Old", "Timer", Active: false));
        Sim.ApplicationUsers.Add(new CrmUser(Guid.NewGuid().ToString("D"), "app@acme.com", "#", "App"));
        await using var sp = Services();

        var users = await ((ICrmUserSource)sp.Gateway()).ListUsersAsync(default);

        Assert.Equal(3, users.Count);
        Assert.Equal(manager, users.Single(u => u.Email == "dana@acme.com").ManagerCrmUserId);
        Assert.Equal("Dana Rep", users.Single(u => u.Email == "dana@acme.com").Name);
        Assert.False(users.Single(u => u.Email == "old@acme.com").Active);
    }

    [Fact]
    public async Task The_account_whose_websiteurl_host_is_the_domain_gives_its_owner()
    {
        var owner = DynamicsSimulator.Users[1].ToString("D");
        Sim.Accounts.Add(new CrmAccount("a1", "Not Acme", "http://shop.notacme.com", DynamicsSimulator.Users[2].ToString("D")));
        Sim.Accounts.Add(new CrmAccount("a2", "Acme", "www.acme.com", owner));
        await using var sp = Services();
        var lookup = (ICrmAccountLookup)sp.Gateway();

        Assert.Equal(new AccountMatch("acme.com", "a2", "Acme", owner), await lookup.FindByDomainAsync("acme.com", default));
        Assert.Null(await lookup.FindByDomainAsync("beta.io", default));
    }

    [Fact]
    public async Task A_routed_lead_is_created_bound_to_its_systemuser()
    {
        await using var sp = Services();
        var owner = DynamicsSimulator.Users[2];
        var lead = new LeadBuilder().Build() with { RoutedOwner = owner.ToString("D"), RoutedAt = DateTimeOffset.UnixEpoch };

        var result = (await sp.Gateway().UpsertAsync([lead], default)).Single();

        Assert.True(result.Outcome.Succeeded, result.Outcome.Reason);
        Assert.Equal(owner, Sim.Leads[lead.Id].OwnerId);
        Assert.Equal(owner.ToString("D"), result.Owner);
    }
}

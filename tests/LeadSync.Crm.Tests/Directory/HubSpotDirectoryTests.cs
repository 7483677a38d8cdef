using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Crm.Tests.Support;
using LeadSync.Testing.Crm;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Crm.Tests.Directory;

/// <summary>Owners v3 → people (teams, archived, queues left out, every page); companies by domain → account owner; the routed owner on the upsert.</summary>
public sealed class HubSpotDirectoryTests : IAsyncLifetime
{
    private HubSpotSimulator _stub = null!;

    public async Task InitializeAsync() => _stub = await HubSpotSimulator.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private ServiceProvider Services()
    {
        var settings = CrmServices.FastResilience("LeadSync:Crm:HubSpot");
        settings["LeadSync:Crm:Provider"] = "hubspot";
        settings["LeadSync:Crm:HubSpot:BaseUrl"] = _stub.BaseUri.ToString();
        settings["LeadSync:Crm:HubSpot:AccessToken"] = "pat-test";
        return CrmServices.Build(settings);
    }

    [Fact]
    public async Task Owners_of_every_page_become_users_with_their_teams_primary_first_and_queues_left_out()
    {
        for (var i = 0; i < 230; i++)
        {
            _stub.Owners.Add(new CrmUser($"9{i:D6}", $"rep{i}@acme.com", "Rep", $"{i}") { Teams = [("700", "Inbound SDR", false), ("701", "EMEA", true)] });
        }

        _stub.Owners.Add(new CrmUser("8000000", "queue@acme.com", "Inbound", "Queue") { IsQueue = true });
        await using var sp = Services();

        var users = await ((ICrmUserSource)sp.Gateway()).ListUsersAsync(default);

        Assert.Equal(230, users.Count);
        Assert.Equal(3, _stub.OwnerPages);
        var first = users.Single(u => u.CrmUserId == "9000000");
        Assert.Equal(("rep0@acme.com", "Rep 0", true, null), (first.Email, first.Name, first.Active, first.ManagerCrmUserId));
        Assert.Equal(["701", "700"], first.Teams.Select(t => t.Id));
        Assert.Equal("EMEA", first.Teams[0].Name);
    }

    [Fact]
    public async Task The_company_with_the_domain_gives_its_owner()
    {
        _stub.Companies.Add(new CrmAccount("5001", "Acme", "acme.com", "9000001"));
        _stub.Companies.Add(new CrmAccount("5002", "Not Acme", "notacme.com", "9000002"));
        await using var sp = Services();
        var lookup = (ICrmAccountLookup)sp.Gateway();

        var found = await lookup.FindByDomainAsync("acme.com", default);
        var none = await lookup.FindByDomainAsync("beta.io", default);

        Assert.Equal(new AccountMatch("acme.com", "5001", "Acme", "9000001"), found);
        Assert.Null(none);
    }

    [Fact]
    public async Task A_routed_lead_is_created_with_its_owner_but_an_existing_contacts_owner_stays()
    {
        await using var sp = Services();
        var gateway = sp.Gateway();
        var existing = new LeadBuilder(1).Build();
        await gateway.UpsertAsync([existing], default);
        _stub.Contacts[existing.Contact.Email!].Properties["hubspot_owner_id"] = "55555";

        var routedNew = new LeadBuilder(2).Build() with { RoutedOwner = "9000007", RoutedAt = DateTimeOffset.UnixEpoch };
        var routedExisting = existing with { Id = new LeadBuilder(3).Build().Id, RoutedOwner = "9000007", RoutedAt = DateTimeOffset.UnixEpoch };
        var results = await gateway.UpsertAsync([routedNew, routedExisting], default);

        Assert.Equal("9000007", _stub.Contacts[routedNew.Contact.Email!].Properties["hubspot_owner_id"]);
        Assert.Equal("9000007", results[0].Owner);
        Assert.Equal("55555", _stub.Contacts[existing.Contact.Email!].Properties["hubspot_owner_id"]);
    }
}

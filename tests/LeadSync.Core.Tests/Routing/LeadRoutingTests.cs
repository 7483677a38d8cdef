using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Intake;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Routing;

public sealed class LeadRoutingTests
{
    private static readonly DateTimeOffset MondayNoon = EmeaTeam.MondayNoon;
    private readonly FakeTimeProvider _time = new(MondayNoon);
    private readonly InMemoryLeadStore _store = new();
    private readonly InMemoryRoutingLedger _ledger = new();
    private readonly Mock<ICrmAccountLookup> _accounts = new();
    private readonly PeopleOptions _people = EmeaTeam.People();
    private readonly RoutingOptions _routing = new();

    public LeadRoutingTests()
    {
        var policy = new RoutingPolicyOptions { Name = "inbound", Mode = RoutingModes.Route, DefaultTeam = "emea" };
        var dach = new TerritoryRuleOptions { Name = "DACH", Team = "emea" };
        dach.Countries.Add("DE");
        policy.Territories.Add(dach);
        _routing.Policies.Add(policy);
    }

    private LeadRouting Create() => TestLeadRouting.Create(_store, _time, _people, _routing, _ledger, _accounts.Object);

    private async Task<Lead> StoredLead(string email, string? country = "DE")
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.SalesReady)
            .With(l => l with { Id = LeadIdFactory.FromDelivery("generic", Guid.NewGuid().ToString()), Contact = l.Contact with { Email = email, Country = country } })
            .Build();
        return (await _store.CreateAsync(new LeadChange(lead, []), CancellationToken.None)).Lead;
    }

    [Fact]
    public async Task A_matching_account_gives_the_lead_to_its_owner_and_says_why()
    {
        _accounts.Setup(a => a.FindByDomainAsync("acme.com", It.IsAny<CancellationToken>())).ReturnsAsync(new AccountMatch("acme.com", "001", "Acme", "005A"));
        var lead = await StoredLead("ceo@acme.com");

        var routed = await Create().RouteAsync(lead, CancellationToken.None);

        Assert.Equal(("005A", "005A"), (routed.Owner, routed.RoutedOwner));
        Assert.NotNull(routed.RoutedAt);
        var entry = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.Routed);
        Assert.Equal("Domain acme.com matched account Acme → owner Dana.", entry.Detail);
    }

    [Fact]
    public async Task A_free_mail_domain_is_never_looked_up_and_the_territory_decides()
    {
        var lead = await StoredLead("someone@gmail.com");

        var routed = await Create().RouteAsync(lead, CancellationToken.None);

        _accounts.Verify(a => a.FindByDomainAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(routed.RoutedOwner, new[] { "005A", "005B", "005C" });
        var entry = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.Routed);
        Assert.StartsWith("E-mail domain gmail.com is free mail (no account match). Territory DACH → team EMEA → owner ", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_office_reps_are_skipped_and_the_reason_is_on_the_timeline()
    {
        _people.People["dana@acme.com"].OutOfOffice.Add(new OutOfOfficeOptions { From = MondayNoon.AddDays(-1), To = MondayNoon.AddDays(3), Note = "vacation" });
        _people.People["eli@acme.com"].Active = false;
        var lead = await StoredLead("x@beta.io");

        var routed = await Create().RouteAsync(lead, CancellationToken.None);

        Assert.Equal("005C", routed.RoutedOwner);
        var entry = (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.Routed);
        Assert.Contains("Dana is out of office until 2026-11-26 12:00 UTC (vacation)", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("Eli is inactive", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nobody_available_the_crm_decides_and_the_timeline_says_so()
    {
        foreach (var person in _people.People.Values)
        {
            person.MaxNewLeadsPerDay = 0;
        }

        var lead = await StoredLead("x@beta.io");

        var routed = await Create().RouteAsync(lead, CancellationToken.None);

        Assert.Null(routed.RoutedOwner);
        Assert.NotNull(routed.RoutedAt);
        Assert.Contains("no rep available", (await _store.GetTimelineAsync(lead.Id, CancellationToken.None)).Single(e => e.Event == LeadEvents.Routed).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_leads_go_to_three_reps_and_a_lead_is_routed_once()
    {
        var routing = Create();
        var owners = new List<string?>();
        Lead? first = null;
        for (var i = 0; i < 3; i++)
        {
            var lead = await StoredLead($"x{i}@beta.io");
            first ??= lead;
            owners.Add((await routing.RouteAsync(lead, CancellationToken.None)).RoutedOwner);
        }

        var again = await routing.RouteAsync((await _store.GetAsync(first!.Id, CancellationToken.None))!, CancellationToken.None);

        Assert.Equal(3, owners.Distinct().Count());
        Assert.Equal(owners[0], again.RoutedOwner);
        Assert.Equal(3, _ledger.Commits);
    }

    [Fact]
    public async Task Without_a_routing_policy_the_lead_is_left_to_the_crm_untouched()
    {
        _routing.Policies.Clear();
        var lead = await StoredLead("ceo@acme.com");

        var routed = await Create().RouteAsync(lead, CancellationToken.None);

        Assert.Same(lead, routed);
        Assert.Empty(await _store.GetTimelineAsync(lead.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Open_lead_capacity_frees_up_when_a_routed_lead_closes()
    {
        foreach (var person in _people.People.Values)
        {
            person.MaxOpenLeads = 1;
        }

        var routing = Create();
        var leads = new List<Lead>();
        for (var i = 0; i < 3; i++)
        {
            leads.Add(await routing.RouteAsync(await StoredLead($"x{i}@beta.io"), CancellationToken.None));
        }

        var fourth = await routing.RouteAsync(await StoredLead("x3@beta.io"), CancellationToken.None);
        Assert.Null(fourth.RoutedOwner);

        await _store.UpdateAsync(new LeadChange(leads[1] with { Status = LeadStatus.Converted }, []), CancellationToken.None);
        var fifth = await routing.RouteAsync(await StoredLead("x4@beta.io"), CancellationToken.None);

        Assert.Equal(leads[1].RoutedOwner, fifth.RoutedOwner);
    }

    [Fact]
    public async Task An_account_lookup_per_domain_per_cache_period()
    {
        _accounts.Setup(a => a.FindByDomainAsync("acme.com", It.IsAny<CancellationToken>())).ReturnsAsync((AccountMatch?)null);
        var routing = Create();
        for (var i = 0; i < 5; i++)
        {
            await routing.RouteAsync(await StoredLead($"p{i}@acme.com"), CancellationToken.None);
        }

        _time.Advance(_routing.AccountCacheTtl);
        await routing.RouteAsync(await StoredLead("later@acme.com"), CancellationToken.None);

        _accounts.Verify(a => a.FindByDomainAsync("acme.com", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}

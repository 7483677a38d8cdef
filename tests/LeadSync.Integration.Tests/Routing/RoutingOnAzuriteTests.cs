using LeadSync.Core.Admin;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Notifications;
using LeadSync.Core.People;
using LeadSync.Core.Storage;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Integration.Tests.Routing;

/// <summary>
/// The people directory and routing on Azurite with the real service graph: the directory sync stores the CRM's users,
/// the admin's people document lays out-of-office and teams over them, intake routes leads by round-robin past the
/// absent rep (the sandbox CRM record gets the routed owner), and the ladder passes an owner who went out of office.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoutingOnAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Monday 2026-11-23 09:00 UTC: everyone's working hours (always, no calendar set).
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly CrmUsers _users = new(
    [
        new SyncedUser("u-max", "max@acme.com", "Max Manager", true),
        new SyncedUser("u-dana", "dana@acme.com", "Dana Rep", true) { ManagerCrmUserId = "u-max" },
        new SyncedUser("u-eli", "eli@acme.com", "Eli Rep", true) { ManagerCrmUserId = "u-max" },
        new SyncedUser("u-fay", "fay@acme.com", "Fay Rep", true) { ManagerCrmUserId = "u-max" },
    ]);

    private TestServices _services = null!;

    public Task InitializeAsync()
    {
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Sla:FirstTouch"] = "01:00:00",
            ["LeadSync:Sla:Levels:0:After"] = "00:00:00",
            ["LeadSync:Sla:Levels:0:Recipient"] = "owner",
            ["LeadSync:Sla:Levels:1:After"] = "00:30:00",
            ["LeadSync:Sla:Levels:1:Recipient"] = "manager",
            ["LeadSync:Sla:Levels:2:After"] = "02:00:00",
            ["LeadSync:Sla:Levels:2:Recipient"] = "team",
            ["LeadSync:Routing:Policies:0:Name"] = "inbound",
            ["LeadSync:Routing:Policies:0:Mode"] = "route",
            ["LeadSync:Routing:Policies:0:DefaultTeam"] = "inbound",
            ["LeadSync:People:Teams:inbound:Name"] = "Inbound",
            ["LeadSync:People:Teams:inbound:Members:0"] = "dana@acme.com",
            ["LeadSync:People:Teams:inbound:Members:1"] = "eli@acme.com",
            ["LeadSync:People:Teams:inbound:Members:2"] = "fay@acme.com",
            ["LeadSync:People:People:dana@acme.com:OutOfOffice:0:From"] = "2026-11-20T00:00:00Z",
            ["LeadSync:People:People:dana@acme.com:OutOfOffice:0:To"] = "2026-11-30T00:00:00Z",
            ["LeadSync:People:People:dana@acme.com:OutOfOffice:0:Note"] = "vacation",
            ["LeadSync:People:People:eli@acme.com:SlackUserId"] = "U0ELI",
        }, Start, services => services.AddTransient<ICrmUserSource>(_ => _users));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private ILeadStore Leads => _services.Get<ILeadStore>();

    private async Task<List<Lead>> RoutedLeadsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Pipeline.IntakeAsync(_services, $"buyer{i}@beta{i}.io"));
        }

        await Pipeline.DrainAsync(_services, QueueNames.LeadSync);
        var leads = new List<Lead>();
        foreach (var id in ids)
        {
            leads.Add((await Leads.GetAsync(id, CancellationToken.None))!);
        }

        return leads;
    }

    [Fact]
    public async Task The_directory_sync_stores_the_crm_users_and_is_safe_to_run_twice()
    {
        var first = await Pipeline.RunJobAsync(_services, JobNames.PeopleSync);
        var second = await Pipeline.RunJobAsync(_services, JobNames.PeopleSync);

        Assert.Equal((4, 4), (first!.Acted, second!.Acted));
        var stored = await _services.Get<IPeopleStore>().GetAsync("sandbox", CancellationToken.None);
        Assert.Equal(["u-dana", "u-eli", "u-fay", "u-max"], stored.Users.Select(u => u.CrmUserId).Order());
        Assert.Equal("u-max", stored.Users.Single(u => u.CrmUserId == "u-dana").ManagerCrmUserId);
        Assert.Equal(Start, stored.SyncedAt);
    }

    [Fact]
    public async Task Leads_are_routed_round_robin_past_the_out_of_office_rep_and_the_crm_gets_the_owner()
    {
        await Pipeline.RunJobAsync(_services, JobNames.PeopleSync);

        var leads = await RoutedLeadsAsync(4);

        Assert.All(leads, l => Assert.Equal(LeadStatus.Synced, l.Status));
        Assert.DoesNotContain(leads, l => l.Owner == "u-dana");
        Assert.Equal(2, leads.Count(l => l.Owner == "u-eli"));
        Assert.Equal(2, leads.Count(l => l.Owner == "u-fay"));
        Assert.All(leads, l => Assert.Equal(l.RoutedOwner, l.Owner));
        var timeline = await Leads.GetTimelineAsync(leads[0].Id, CancellationToken.None);
        var routed = Assert.Single(timeline, e => e.Event == LeadEvents.Routed);
        Assert.Contains("No territory fits; default team → team Inbound → owner ", routed.Detail, StringComparison.Ordinal);
        Assert.Contains("Dana Rep is out of office until 2026-11-30 00:00 UTC (vacation)", routed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_who_went_out_of_office_is_passed_and_the_manager_hears_at_once()
    {
        await Pipeline.RunJobAsync(_services, JobNames.PeopleSync);
        var lead = (await RoutedLeadsAsync(1))[0];
        var owner = lead.Owner!;
        var ownerEmail = owner == "u-eli" ? "eli@acme.com" : "fay@acme.com";

        // The owner goes on leave through the admin people document (version 1), laid over the settings at once.
        _services.Get<AdminConfigurationSnapshot>().Apply(AdminResources.People, 1, $$$"""
            {"people":{"{{{ownerEmail}}}":{"outOfOffice":[{"from":"2026-11-23T09:30:00Z","to":"2026-11-24T09:00:00Z","note":"sick"}]}},"teams":{}}
            """);
        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        var notices = await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        Assert.Equal([$"{lead.Id}|2"], notices);
        var timeline = await Leads.GetTimelineAsync(lead.Id, CancellationToken.None);
        var skipped = Assert.Single(timeline, e => e.Event == LeadEvents.RungSkipped);
        Assert.Contains("out of office until 2026-11-24 09:00 UTC (sick); level 2 (manager) instead.", skipped.Detail, StringComparison.Ordinal);
        var manager = _services.Get<IEscalationDirectory>().Resolve("manager", owner);
        Assert.Equal(("Max Manager", "max@acme.com", "max@acme.com"), (manager.Name, manager.Email, manager.PersonId));
        Assert.Equal(2, (await Leads.GetAsync(lead.Id, CancellationToken.None))!.EscalationLevel);
    }

    [Fact]
    public async Task An_owner_at_work_gets_the_first_rung_with_their_slack_identity()
    {
        await Pipeline.RunJobAsync(_services, JobNames.PeopleSync);
        var lead = (await RoutedLeadsAsync(2)).Single(l => l.Owner == "u-eli");

        _services.Time.Advance(TimeSpan.FromMinutes(61));
        await Pipeline.RunJobAsync(_services, JobNames.SlaSweep);
        var notices = await Pipeline.DrainAsync(_services, QueueNames.Notifications);

        Assert.Contains($"{lead.Id}|1", notices);
        var destination = _services.Get<IEscalationDirectory>().Resolve("owner", "u-eli");
        Assert.Equal(("Eli Rep", "U0ELI", "eli@acme.com"), (destination.Name, destination.SlackUserId, destination.PersonId));
    }

    private sealed class CrmUsers(IReadOnlyList<SyncedUser> users) : ICrmUserSource
    {
        public string Crm => "sandbox";

        public Task<IReadOnlyList<SyncedUser>> ListUsersAsync(CancellationToken cancellationToken) => Task.FromResult(users);
    }
}

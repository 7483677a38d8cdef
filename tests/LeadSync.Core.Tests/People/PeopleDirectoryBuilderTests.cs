using LeadSync.Core.People;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.People;

public sealed class PeopleDirectoryBuilderTests
{
    private static readonly Dictionary<string, BusinessCalendarOptions> Calendars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["berlin"] = new BusinessCalendarOptions { TimeZone = "Europe/Berlin", Hours = { ["Monday"] = "09:00-17:00" } },
    };

    private static SyncedPeople Salesforce() => new(
    [
        new SyncedUser("005A", "Dana@Acme.com", "Dana Rep", true) { ManagerCrmUserId = "005M" },
        new SyncedUser("005M", "max@acme.com", "Max Manager", true),
        new SyncedUser("005X", "gone@acme.com", "Gone", false),
    ], DateTimeOffset.UnixEpoch);

    [Fact]
    public void Synced_users_become_people_keyed_by_email_with_their_crm_manager()
    {
        var directory = PeopleDirectoryBuilder.Build("salesforce", Salesforce(), new PeopleOptions(), Calendars);

        var dana = directory.Find("005A")!;
        Assert.Equal("dana@acme.com", dana.Id);
        Assert.Equal("Max Manager", directory.ManagerOf(dana)!.Name);
        Assert.Same(dana, directory.Find("dana@acme.com"));
        Assert.Same(dana, directory.Find("Dana Rep"));
        Assert.False(directory.Find("005X")!.Active);
    }

    [Fact]
    public void An_override_changes_only_the_fields_it_sets()
    {
        var overrides = new PeopleOptions();
        overrides.People["dana@acme.com"] = new PersonOptions { SlackUserId = "U123", Calendar = "berlin", MaxOpenLeads = 4 };
        overrides.People["dana@acme.com"].Teams.Add("emea");

        var dana = PeopleDirectoryBuilder.Build("salesforce", Salesforce(), overrides, Calendars).Find("005A")!;

        Assert.Equal(("Dana Rep", "U123", 4), (dana.Name, dana.SlackUserId, dana.MaxOpenLeads));
        Assert.Equal("005A", dana.CrmUserId("salesforce"));
        Assert.NotNull(dana.Calendar);
        Assert.Equal(["emea"], dana.Teams);
    }

    [Fact]
    public void Teams_gather_crm_teams_people_listing_them_and_admin_members_less_exclusions()
    {
        var synced = new SyncedPeople(
        [
            new SyncedUser("1", "a@acme.com", "A", true) { Teams = [new SyncedTeam("700", "Inbound SDR")] },
            new SyncedUser("2", "b@acme.com", "B", true) { Teams = [new SyncedTeam("700", "Inbound SDR")] },
            new SyncedUser("3", "c@acme.com", "C", true),
        ], null);
        var overrides = new PeopleOptions();
        overrides.Teams["700"] = new TeamOptions { Manager = "c@acme.com" };
        overrides.Teams["700"].Members.Add("c@acme.com");
        overrides.Teams["700"].Exclude.Add("b@acme.com");

        var directory = PeopleDirectoryBuilder.Build("hubspot", synced, overrides, Calendars);

        var team = directory.FindTeam("Inbound SDR")!;
        Assert.Equal(["a@acme.com", "c@acme.com"], team.Members);
        Assert.Equal("C", directory.ManagerOf(directory.Find("a@acme.com")!)!.Name);
    }

    [Fact]
    public void The_version_is_the_same_for_the_same_inputs_and_changes_with_them()
    {
        var a = PeopleDirectoryBuilder.Build("salesforce", Salesforce(), new PeopleOptions(), Calendars);
        var b = PeopleDirectoryBuilder.Build("salesforce", Salesforce(), new PeopleOptions(), Calendars);
        var overrides = new PeopleOptions();
        overrides.People["dana@acme.com"] = new PersonOptions { Weight = 2 };
        var c = PeopleDirectoryBuilder.Build("salesforce", Salesforce(), overrides, Calendars);

        Assert.Equal(a.Version, b.Version);
        Assert.NotEqual(a.Version, c.Version);
    }

    [Fact]
    public void A_team_named_only_by_its_members_exists()
    {
        var overrides = new PeopleOptions();
        overrides.People["lee@acme.com"] = new PersonOptions { Name = "Lee" };
        overrides.People["lee@acme.com"].Teams.Add("partners");

        var team = PeopleDirectoryBuilder.Build("salesforce", Salesforce(), overrides, Calendars).FindTeam("partners");

        Assert.NotNull(team);
        Assert.Equal(["lee@acme.com"], team.Members);
    }
}

using LeadSync.Core.Crm;
using LeadSync.Core.Notifications;
using LeadSync.Core.People;
using LeadSync.Core.Sla;
using LeadSync.Core.Tests.Sla.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.People;

public sealed class PeopleEscalationDirectoryTests
{
    private readonly DirectoryOptions _directory = new() { DefaultTeamChannel = NotificationChannels.Slack };
    private readonly PeopleOptions _people = new();

    private PeopleEscalationDirectory Create()
    {
        var store = new Mock<IPeopleStore>();
        store.Setup(s => s.GetAsync("salesforce", It.IsAny<CancellationToken>())).ReturnsAsync(new SyncedPeople(
        [
            new SyncedUser("005A", "dana@acme.com", "Dana", true) { ManagerCrmUserId = "005M" },
            new SyncedUser("005M", "max@acme.com", "Max", true),
        ], DateTimeOffset.UnixEpoch));
        _people.People["dana@acme.com"] = new PersonOptions { SlackUserId = "U0DANA", TeamsUserId = "dana@acme.onmicrosoft.com", Channel = "slack" };
        var source = new PeopleDirectorySource(store.Object, new FixedOptionsMonitor<PeopleOptions>(_people),
            new FixedOptionsMonitor<SlaOptions>(new SlaOptions()), new FixedOptionsMonitor<CrmOptions>(new CrmOptions { Provider = "salesforce" }),
            new FakeTimeProvider(), NullLogger<PeopleDirectorySource>.Instance);
        var monitor = new FixedOptionsMonitor<DirectoryOptions>(_directory);
        return new PeopleEscalationDirectory(new SettingsEscalationDirectory(monitor), monitor, new FixedOptionsMonitor<PeopleOptions>(_people), source);
    }

    [Fact]
    public void The_owner_rung_reaches_the_person_by_crm_owner_id_with_slack_teams_and_person_id()
    {
        var owner = Create().Resolve("owner", "005A");

        Assert.Equal(("owner", "Dana", NotificationChannels.Slack, "dana@acme.com"), (owner.Recipient, owner.Name, owner.Channel, owner.Email));
        Assert.Equal(("U0DANA", "dana@acme.onmicrosoft.com", "dana@acme.com"), (owner.SlackUserId, owner.TeamsUserId, owner.PersonId));
    }

    [Fact]
    public void The_manager_rung_reaches_the_crm_manager_by_the_default_channel()
    {
        var directory = Create();

        var manager = directory.Resolve("manager", "005A");

        Assert.Equal(("manager", "Max", NotificationChannels.Email, "max@acme.com", "max@acme.com"), (manager.Recipient, manager.Name, manager.Channel, manager.Email, manager.PersonId));
        Assert.Equal("Max", directory.ManagerOf("005A"));
    }

    [Fact]
    public void An_escalation_directory_entry_still_wins_for_its_owner()
    {
        _directory.Owners["005A"] = new DirectoryEntryOptions { Manager = "Zoe", Channel = "teams" };
        _directory.Owners["Zoe"] = new DirectoryEntryOptions { Email = "zoe@acme.com" };
        var directory = Create();

        Assert.Equal(("005A", NotificationChannels.Teams, null), (directory.Resolve("owner", "005A").Name, directory.Resolve("owner", "005A").Channel, directory.Resolve("owner", "005A").PersonId));
        Assert.Equal(("Zoe", "zoe@acme.com"), (directory.Resolve("manager", "005A").Name, directory.Resolve("manager", "005A").Email));
    }

    [Fact]
    public void An_owner_nobody_knows_goes_as_before()
    {
        var destination = Create().Resolve("manager", "someone-else");

        Assert.Equal(("team", NotificationChannels.Slack), (destination.Name, destination.Channel));
    }
}

using LeadSync.Core.Notifications;
using LeadSync.Core.Tests.Sla.Policies;

namespace LeadSync.Core.Tests.Notifications;

public sealed class SettingsEscalationDirectoryTests
{
    private readonly SettingsEscalationDirectory _directory = new(new FixedOptionsMonitor<DirectoryOptions>(Directory()));

    private static DirectoryOptions Directory()
    {
        var options = new DirectoryOptions { DefaultTeamChannel = "Slack" };
        options.Owners["ana"] = new DirectoryEntryOptions { Manager = "max", Email = "ana@example.com" };
        options.Owners["max"] = new DirectoryEntryOptions { Channel = "teams", Email = "max@example.com" };
        options.Owners["bo"] = new DirectoryEntryOptions();
        return options;
    }

    [Fact]
    public void An_owner_with_an_address_and_no_channel_is_reached_by_email()
    {
        Assert.Equal(new EscalationDestination("owner", "ana", NotificationChannels.Email, "ana@example.com"), _directory.Resolve("owner", "ana"));
        Assert.Equal("ana@example.com", _directory.Resolve("owner", "ANA").Email);
    }

    [Fact]
    public void The_manager_is_the_owner_entry_manager_on_the_manager_own_channel()
    {
        Assert.Equal(new EscalationDestination("manager", "max", NotificationChannels.Teams, "max@example.com"), _directory.Resolve("manager", "ana"));
    }

    [Fact]
    public void The_team_is_the_default_team_channel()
    {
        Assert.Equal(new EscalationDestination("team", "team", NotificationChannels.Slack), _directory.Resolve("team", "ana"));
    }

    [Fact]
    public void An_owner_unknown_to_the_directory_goes_to_the_generic_channel()
    {
        Assert.Equal(NotificationChannels.Webhook, _directory.Resolve("owner", "sandbox-rep").Channel);
    }

    [Fact]
    public void A_manager_nobody_entered_falls_back_to_the_team()
    {
        Assert.Equal(new EscalationDestination("manager", "team", NotificationChannels.Slack), _directory.Resolve("manager", "bo"));
        Assert.Equal("team", _directory.Resolve("manager", null).Name);
    }
}

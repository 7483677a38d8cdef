using LeadSync.Core.Notifications;

namespace LeadSync.Core.Tests.Notifications;

public sealed class DirectoryOptionsValidatorTests
{
    private readonly DirectoryOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid() => Assert.True(_validator.Validate(null, new DirectoryOptions()).Succeeded);

    [Fact]
    public void A_misspelt_channel_names_the_setting()
    {
        var options = new DirectoryOptions { DefaultTeamChannel = "Slack" };
        options.Owners["ana"] = new DirectoryEntryOptions { Channel = "temas" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("LeadSync:Directory:Owners:ana:Channel 'temas'", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("DefaultTeamChannel", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_team_channel_is_rejected()
    {
        Assert.Contains("DefaultTeamChannel", _validator.Validate(null, new DirectoryOptions { DefaultTeamChannel = "fax" }).FailureMessage, StringComparison.Ordinal);
    }
}

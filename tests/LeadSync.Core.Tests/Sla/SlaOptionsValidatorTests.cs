using LeadSync.Core.Sla;

namespace LeadSync.Core.Tests.Sla;

public sealed class SlaOptionsValidatorTests
{
    private readonly SlaOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_are_valid() => Assert.True(_validator.Validate(null, new SlaOptions()).Succeeded);

    [Fact]
    public void Levels_must_increase()
    {
        var options = new SlaOptions();
        options.Levels.Add(new EscalationLevelOptions { After = TimeSpan.FromMinutes(30), Recipient = "owner" });
        options.Levels.Add(new EscalationLevelOptions { After = TimeSpan.FromMinutes(10), Recipient = "manager" });

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("LeadSync:Sla:Levels:1:After", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_touch_duration_must_be_positive()
    {
        var result = _validator.Validate(null, new SlaOptions { FirstTouch = TimeSpan.Zero });

        Assert.Contains("FirstTouch", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipients_must_be_known()
    {
        var options = new SlaOptions();
        options.Levels.Add(new EscalationLevelOptions { After = TimeSpan.Zero, Recipient = "ceo" });

        Assert.Contains("Recipient", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ack_grace_must_not_be_negative()
    {
        var result = _validator.Validate(null, new SlaOptions { AckGrace = TimeSpan.FromMinutes(-1) });

        Assert.Contains("LeadSync:Sla:AckGrace", result.FailureMessage, StringComparison.Ordinal);
    }
}

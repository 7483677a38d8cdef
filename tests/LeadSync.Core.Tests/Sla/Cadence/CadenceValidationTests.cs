using LeadSync.Core.Sla;
using LeadSync.Core.Sla.Policies;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Tests.Sla.Cadence;

public sealed class CadenceValidationTests
{
    private static IReadOnlyList<string> Failures(Action<SlaPolicyOptions> configure)
    {
        var options = new SlaOptions();
        var policy = new SlaPolicyOptions { Name = "hot" };
        configure(policy);
        options.Policies.Add(policy);
        return new SlaPolicyOptionsValidator().Validate(Options.DefaultName, options).Failures?.ToList() ?? [];
    }

    private static CadenceCheckpointOptions Checkpoint(int attempts, double hours) => new() { Attempts = attempts, By = TimeSpan.FromHours(hours) };

    [Fact]
    public void The_issue_example_cadence_is_valid() =>
        Assert.Empty(Failures(p =>
        {
            p.Cadence.Add(Checkpoint(1, 1));
            p.Cadence.Add(Checkpoint(3, 16));
            p.Cadence.Add(Checkpoint(6, 80));
        }));

    [Fact]
    public void A_checkpoint_not_later_than_the_one_before_is_rejected() =>
        Assert.Contains("LeadSync:Sla:Policies:0:Cadence:1:By must be later than checkpoint 0 (02:00:00).",
            Failures(p => { p.Cadence.Add(Checkpoint(1, 2)); p.Cadence.Add(Checkpoint(3, 2)); }));

    [Fact]
    public void Fewer_attempts_than_the_checkpoint_before_are_rejected() =>
        Assert.Contains(Failures(p => { p.Cadence.Add(Checkpoint(3, 1)); p.Cadence.Add(Checkpoint(2, 2)); }),
            f => f.StartsWith("LeadSync:Sla:Policies:0:Cadence:1:Attempts must not be fewer than checkpoint 0 (3)", StringComparison.Ordinal));

    [Fact]
    public void Zero_attempts_and_a_zero_duration_are_rejected()
    {
        var failures = Failures(p => p.Cadence.Add(new CadenceCheckpointOptions()));

        Assert.Contains("LeadSync:Sla:Policies:0:Cadence:0:Attempts must be at least 1.", failures);
        Assert.Contains(failures, f => f.StartsWith("LeadSync:Sla:Policies:0:Cadence:0:By must be a positive duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_with_both_a_cadence_and_the_one_window_follow_up_is_rejected() =>
        Assert.Contains(Failures(p =>
        {
            p.Cadence.Add(Checkpoint(1, 1));
            p.FollowUp.Attempts = 6;
            p.FollowUp.Window = TimeSpan.FromDays(10);
        }), f => f.StartsWith("LeadSync:Sla:Policies:0:Cadence supersedes LeadSync:Sla:Policies:0:FollowUp", StringComparison.Ordinal));
}

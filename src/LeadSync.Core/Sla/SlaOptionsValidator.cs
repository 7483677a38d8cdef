namespace LeadSync.Core.Sla;

/// <summary>
/// Rejects SLA settings that would make the default ladder meaningless. Calendars and tiered policies are checked by
/// <see cref="Policies.SlaPolicyOptionsValidator"/>.
/// </summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var failures = new List<string>();
        if (options.FirstTouch <= TimeSpan.Zero)
        {
            failures.Add("LeadSync:Sla:FirstTouch must be a positive duration.");
        }

        if (options.AckGrace < TimeSpan.Zero)
        {
            failures.Add("LeadSync:Sla:AckGrace must not be negative.");
        }

        EscalationLadderRules.Validate($"{SlaOptions.Section}:Levels", options.EffectiveLevels, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

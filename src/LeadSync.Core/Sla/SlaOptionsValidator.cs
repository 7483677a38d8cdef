using Microsoft.Extensions.Options;

namespace LeadSync.Core.Sla;

/// <summary>Rejects SLA settings that would make the ladder meaningless.</summary>
public sealed class SlaOptionsValidator : IValidateOptions<SlaOptions>
{
    private static readonly string[] Recipients = ["owner", "manager", "team"];

    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.FirstTouch <= TimeSpan.Zero)
        {
            failures.Add("LeadSync:Sla:FirstTouch must be a positive duration.");
        }

        var levels = options.EffectiveLevels;
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].After < TimeSpan.Zero)
            {
                failures.Add($"LeadSync:Sla:Levels:{i}:After must not be negative.");
            }

            if (i > 0 && levels[i].After <= levels[i - 1].After)
            {
                failures.Add($"LeadSync:Sla:Levels:{i}:After must be later than level {i - 1}.");
            }

            if (!Recipients.Contains(levels[i].Recipient, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"LeadSync:Sla:Levels:{i}:Recipient must be one of {string.Join(", ", Recipients)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace LeadSync.Core.Sla.Policies;

/// <summary>
/// Checks business calendars and tiered policies (<c>LeadSync:Sla:Calendars</c>, <c>LeadSync:Sla:Policies</c>);
/// every message names the offending setting. Register next to <see cref="SlaOptionsValidator"/>.
/// </summary>
public sealed class SlaPolicyOptionsValidator : IValidateOptions<SlaOptions>
{
    private const string Section = SlaOptions.Section;

    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        var failures = new List<string>();
        foreach (var (calendarName, calendar) in options.Calendars)
        {
            BusinessCalendarFactory.TryCreate(calendar, $"{Section}:Calendars:{calendarName}", failures);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int? catchAll = null;
        for (var i = 0; i < options.Policies.Count; i++)
        {
            var policy = options.Policies[i];
            var path = $"{Section}:Policies:{i}";
            if (string.IsNullOrWhiteSpace(policy.Name))
            {
                failures.Add($"{path}:Name is required.");
            }
            else if (!names.Add(policy.Name.Trim()))
            {
                failures.Add($"{path}:Name '{policy.Name}' is already used by an earlier policy.");
            }

            if (policy.FirstTouch is { } firstTouch && firstTouch <= TimeSpan.Zero)
            {
                failures.Add($"{path}:FirstTouch must be a positive duration (business time on the policy's calendar).");
            }

            ValidateCalendar(options, policy, path, failures);
            ValidateMatch(policy.Match, $"{path}:Match", failures);
            ValidateFollowUp(policy.FollowUp, $"{path}:FollowUp", failures);
            ValidateCadence(policy, path, failures);
            EscalationLadderRules.Validate($"{path}:Levels", [.. policy.Levels], failures);

            if (catchAll is { } k)
            {
                failures.Add($"{path} can never apply: {Section}:Policies:{k} matches every lead; move catch-all policies last.");
            }
            else if (SlaTierMatch.From(policy.Match).MatchesEveryLead)
            {
                catchAll = i;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCalendar(SlaOptions options, SlaPolicyOptions policy, string path, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(policy.Calendar) && !options.Calendars.ContainsKey(policy.Calendar.Trim()))
        {
            var known = options.Calendars.Count == 0 ? "none are defined" : $"known: {string.Join(", ", options.Calendars.Keys)}";
            failures.Add($"{path}:Calendar '{policy.Calendar}' is not defined under {Section}:Calendars ({known}).");
        }
    }

    private static void ValidateMatch(SlaPolicyMatchOptions match, string path, List<string> failures)
    {
        if (match.MinScore is { } min && match.MaxScore is { } max && min > max)
        {
            failures.Add($"{path}:MinScore ({min}) must not be greater than {path}:MaxScore ({max}).");
        }

        for (var j = 0; j < match.Sources.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(match.Sources[j]))
            {
                failures.Add($"{path}:Sources:{j} must not be empty.");
            }
        }

        for (var j = 0; j < match.Countries.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(match.Countries[j]))
            {
                failures.Add($"{path}:Countries:{j} must not be empty.");
            }
        }
    }

    private static void ValidateCadence(SlaPolicyOptions policy, string path, List<string> failures)
    {
        var cadence = policy.Cadence;
        if (cadence.Count > 0 && policy.FollowUp.Attempts > 0)
        {
            failures.Add($"{path}:Cadence supersedes {path}:FollowUp: set one or the other (FollowUp is a one-checkpoint cadence counted from first touch).");
        }

        if (cadence.Count > Sla.Cadence.CadencePolicy.MaxCheckpoints)
        {
            failures.Add($"{path}:Cadence has {cadence.Count} checkpoints; at most {Sla.Cadence.CadencePolicy.MaxCheckpoints} are allowed.");
        }

        for (var j = 0; j < cadence.Count; j++)
        {
            var checkpoint = cadence[j];
            var at = $"{path}:Cadence:{j}";
            if (checkpoint is null)
            {
                failures.Add($"{at} must be an object with Attempts and By.");
                continue;
            }

            if (checkpoint.Attempts < 1)
            {
                failures.Add($"{at}:Attempts must be at least 1.");
            }

            if (checkpoint.By <= TimeSpan.Zero)
            {
                failures.Add($"{at}:By must be a positive duration (business time on the policy's calendar after the handoff).");
            }

            if (j > 0 && cadence[j - 1] is { } previous)
            {
                if (checkpoint.By <= previous.By)
                {
                    failures.Add($"{at}:By must be later than checkpoint {j - 1} ({previous.By}).");
                }

                if (checkpoint.Attempts < previous.Attempts)
                {
                    failures.Add($"{at}:Attempts must not be fewer than checkpoint {j - 1} ({previous.Attempts}): attempts are counted in total since the handoff.");
                }
            }
        }
    }

    private static void ValidateFollowUp(FollowUpOptions followUp, string path, List<string> failures)
    {
        if (followUp.Attempts < 0)
        {
            failures.Add($"{path}:Attempts must not be negative.");
        }
        else if (followUp.Attempts > 0 && followUp.Window <= TimeSpan.Zero)
        {
            failures.Add($"{path}:Window must be a positive duration when {path}:Attempts is set.");
        }
        else if (followUp.Attempts == 0 && followUp.Window != TimeSpan.Zero)
        {
            failures.Add($"{path}:Attempts must be set (at least 1) when {path}:Window is.");
        }
    }
}

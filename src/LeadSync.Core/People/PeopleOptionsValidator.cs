namespace LeadSync.Core.People;

/// <summary>Stops the host on a bad people directory in the settings (calendar names checked against the SLA calendars).</summary>
public sealed class PeopleOptionsValidator(IOptionsMonitor<SlaOptions> sla) : IValidateOptions<PeopleOptions>
{
    public ValidateOptionsResult Validate(string? name, PeopleOptions options)
    {
        var failures = new List<string>();
        if (options.RefreshInterval <= TimeSpan.Zero || options.RefreshInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{PeopleOptions.Section}:RefreshInterval must be more than zero and at most one day.");
        }

        if (!NotificationChannels.All.Contains(options.DefaultChannel?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{PeopleOptions.Section}:DefaultChannel '{options.DefaultChannel}' must be one of {string.Join(", ", NotificationChannels.All)}.");
        }

        PeopleRules.Validate(PeopleOptions.Section, options.People, options.Teams, SlaCalendars(), failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The SLA calendars, or null (calendar names unchecked) when the SLA settings are bad: those fail on their own, once.</summary>
    private IDictionary<string, Sla.Calendars.BusinessCalendarOptions>? SlaCalendars()
    {
        try
        {
            return sla.CurrentValue.Calendars;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}

namespace LeadSync.Core.People;

/// <summary>
/// Whether a person can take a lead or an escalation at an instant (pure): inactive, out of office and off-hours make
/// them absent; a full load makes them at capacity. Each answer is the reason (for the timeline), or null when none applies.
/// </summary>
public static class Availability
{
    /// <summary>Why <paramref name="person"/> is not at work at <paramref name="at"/>, or null when they are.</summary>
    public static string? Absence(Person person, DateTimeOffset at)
    {
        if (!person.Active)
        {
            return $"{person.Name} is inactive";
        }

        if (person.OutOfOffice.FirstOrDefault(p => p.Covers(at)) is { } away)
        {
            var note = string.IsNullOrWhiteSpace(away.Note) ? "" : $" ({away.Note.Trim()})";
            return $"{person.Name} is out of office until {Format(away.To)}{note}";
        }

        if (person.Calendar is { } calendar && !calendar.IsWorkingAt(at))
        {
            var back = calendar.AddBusinessTime(at, TimeSpan.FromTicks(1)) - TimeSpan.FromTicks(1);
            return $"{person.Name} is off-hours until {Format(back)}";
        }

        return null;
    }

    /// <summary>Why <paramref name="person"/> cannot take another lead with <paramref name="load"/>, or null.</summary>
    public static string? Capacity(Person person, RepLoad load)
    {
        if (person.MaxOpenLeads is { } maxOpen && load.OpenLeads >= maxOpen)
        {
            return $"{person.Name} is at capacity ({load.OpenLeads} of {maxOpen} open leads)";
        }

        if (person.MaxNewLeadsPerDay is { } maxNew && load.NewToday >= maxNew)
        {
            return $"{person.Name} is at capacity ({load.NewToday} of {maxNew} new leads today)";
        }

        return null;
    }

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

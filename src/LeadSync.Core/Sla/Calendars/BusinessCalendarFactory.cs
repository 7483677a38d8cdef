namespace LeadSync.Core.Sla.Calendars;

/// <summary>Builds a calendar from its settings, reporting every problem with the setting's full path.</summary>
public static class BusinessCalendarFactory
{
    /// <summary>Builds the calendar, or throws <see cref="ArgumentException"/> listing every problem.</summary>
    public static IBusinessCalendar Create(BusinessCalendarOptions options, string path = "calendar")
    {
        var errors = new List<string>();
        return TryCreate(options, path, errors) ?? throw new ArgumentException(string.Join(" ", errors), nameof(options));
    }

    /// <summary>Builds the calendar, or adds the problems to <paramref name="errors"/> and returns null.</summary>
    public static IBusinessCalendar? TryCreate(BusinessCalendarOptions options, string path, ICollection<string> errors)
    {
        var before = errors.Count;
        var zone = FindZone(options.TimeZone, path, errors);
        var hours = ParseHours(options, path, errors);
        var holidays = ParseHolidays(options, path, errors);

        if (options.AlwaysOpen)
        {
            if (hours.Values.Any(h => h.Count > 0))
            {
                errors.Add($"{path}:Hours must be empty when {path}:AlwaysOpen is true.");
            }

            if (holidays.Count > 0)
            {
                errors.Add($"{path}:Holidays must be empty when {path}:AlwaysOpen is true; for round-the-clock hours with holidays, set every day's hours to 00:00-24:00 instead.");
            }

            return errors.Count == before ? AlwaysOpenCalendar.Instance : null;
        }

        if (errors.Count == before && hours.Values.All(h => h.Count == 0))
        {
            errors.Add($"{path} has no working time: set {path}:Hours:Monday … {path}:Hours:Sunday (e.g. \"09:00-17:00\") or set {path}:AlwaysOpen to true.");
        }

        return errors.Count == before && zone is not null ? new WeeklyBusinessCalendar(zone, hours, holidays) : null;
    }

    private static TimeZoneInfo? FindZone(string? id, string path, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add($"{path}:TimeZone is required (an IANA id such as Europe/Berlin).");
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            errors.Add($"{path}:TimeZone '{id}' is not a known IANA time zone id (such as Europe/Berlin or America/New_York).");
            return null;
        }
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> ParseHours(BusinessCalendarOptions options, string path, ICollection<string> errors)
    {
        var hours = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
        foreach (var (key, value) in options.Hours)
        {
            var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>()
                .FirstOrDefault(d => d.ToString()!.Equals(key.Trim(), StringComparison.OrdinalIgnoreCase));
            if (day is null)
            {
                errors.Add($"{path}:Hours:{key} is not a weekday; use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.");
                continue;
            }

            if (!WorkingHoursParser.TryParse(value, out var intervals, out var error))
            {
                errors.Add($"{path}:Hours:{key}: {error}");
                continue;
            }

            hours[day.Value] = intervals;
        }

        return hours;
    }

    private static List<DateOnly> ParseHolidays(BusinessCalendarOptions options, string path, ICollection<string> errors)
    {
        var holidays = new List<DateOnly>();
        for (var i = 0; i < options.Holidays.Count; i++)
        {
            if (DateOnly.TryParseExact(options.Holidays[i]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add($"{path}:Holidays:{i} '{options.Holidays[i]}' is not a date in yyyy-MM-dd form.");
            }
        }

        return holidays;
    }
}

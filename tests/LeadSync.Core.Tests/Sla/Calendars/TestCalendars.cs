using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

/// <summary>Calendars used by the example tests, built through the same settings path production uses.</summary>
internal static class TestCalendars
{
    public static IBusinessCalendar Weekdays(string zone, string hours, params string[] holidays)
    {
        var options = new BusinessCalendarOptions { TimeZone = zone };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            options.Hours[day] = hours;
        }

        foreach (var holiday in holidays)
        {
            options.Holidays.Add(holiday);
        }

        return BusinessCalendarFactory.Create(options);
    }

    public static IBusinessCalendar EveryDay(string zone, string hours)
    {
        var options = new BusinessCalendarOptions { TimeZone = zone };
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            options.Hours[day] = hours;
        }

        return BusinessCalendarFactory.Create(options);
    }

    public static IBusinessCalendar SundayOnly(string zone, string hours)
    {
        var options = new BusinessCalendarOptions { TimeZone = zone };
        options.Hours["Sunday"] = hours;
        return BusinessCalendarFactory.Create(options);
    }

    /// <summary>Berlin office: split shift Monday–Friday, closed on Christmas Eve and Christmas Day 2026.</summary>
    public static IBusinessCalendar BerlinOffice() =>
        Weekdays("Europe/Berlin", "09:00-12:00,13:00-17:30", "2026-12-24", "2026-12-25");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}

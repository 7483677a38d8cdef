using System.Globalization;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

/// <summary>
/// An independent, deliberately naive model of a calendar: a minute counts as working when its local wall-clock
/// time lies in one of that local day's intervals and the day is not a holiday. It agrees with the real rule
/// everywhere except in fall-back overlaps (where the real rule keeps shifts contiguous), so callers skip those.
/// </summary>
internal static class MinuteByMinuteOracle
{
    public static TimeSpan BusinessTimeBetween(BusinessCalendarOptions options, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var holidays = options.Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        var hours = options.Hours.ToDictionary(
            h => Enum.Parse<DayOfWeek>(h.Key),
            h => WorkingHoursParser.TryParse(h.Value, out var intervals, out _) ? intervals : []);
        var minutes = 0;
        for (var t = from; t < to; t = t.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTime(t, zone).DateTime;
            var date = DateOnly.FromDateTime(local);
            if (!holidays.Contains(date) && hours.TryGetValue(local.DayOfWeek, out var day)
                && day.Any(i => local.TimeOfDay >= i.Start && local.TimeOfDay < i.End))
            {
                minutes++;
            }
        }

        return TimeSpan.FromMinutes(minutes);
    }

    /// <summary>True when the UTC offset drops somewhere in the window, i.e. it contains a fall-back overlap.</summary>
    public static bool ContainsFallBack(string zoneId, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var previous = zone.GetUtcOffset(from.AddHours(-1));
        for (var t = from; t <= to.AddHours(1); t = t.AddMinutes(15))
        {
            var offset = zone.GetUtcOffset(t);
            if (offset < previous)
            {
                return true;
            }

            previous = offset;
        }

        return false;
    }
}

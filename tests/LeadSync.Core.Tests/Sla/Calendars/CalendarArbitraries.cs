using FsCheck;
using FsCheck.Fluent;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

/// <summary>
/// FsCheck generators: random weekly calendars (split shifts on 15-minute boundaries, holidays) in zones with awkward
/// DST rules, and start instants that cluster around those zones' DST changes.
/// </summary>
public static class CalendarArbitraries
{
    private static readonly string[] Zones =
    [
        "Europe/Berlin", "America/New_York", "Australia/Sydney",
        "Australia/Lord_Howe", // 30-minute DST shift
        "America/Santiago", // DST changes at midnight
        "Pacific/Chatham", // +12:45 / +13:45
        "Asia/Kolkata", "UTC",
    ];

    private static readonly DateTimeOffset RangeStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, DateTimeOffset[]> TransitionsByZone =
        Zones.ToDictionary(z => z, z => FindTransitions(TimeZoneInfo.FindSystemTimeZoneById(z)));

    public static Arbitrary<CalendarCase> Cases() =>
        (from zone in Gen.Elements(Zones)
         from days in Gen.ArrayOf(DayHours(), 7)
         from holidays in Gen.ListOf(Gen.Choose(0, 3 * 365)).Select(l => l.Take(12).ToArray())
         from start in Start(zone)
         from first in Duration()
         from second in Duration()
         select Build(zone, days, holidays, start, first, second)).ToArbitrary();

    private static Gen<string> DayHours() =>
        Gen.Frequency(
            (1, Gen.Constant(string.Empty)),
            (1, Gen.Constant("09:00-17:00")),
            (4, from count in Gen.Choose(1, 3)
                from points in Gen.ArrayOf(Gen.Choose(0, 96), count * 2)
                select Intervals(points)),
            // Boundaries between 00:00 and 04:00, where most DST gaps and overlaps sit.
            (4, from count in Gen.Choose(1, 4)
                from points in Gen.ArrayOf(Gen.Choose(0, 16), count * 2)
                select Intervals(points)));

    /// <summary>Distinct sorted quarter-hour points paired into intervals, e.g. [4, 9, 12, 40] → 01:00-02:15,03:00-10:00.</summary>
    private static string Intervals(int[] quarters)
    {
        var points = quarters.Distinct().Order().ToArray();
        var parts = new List<string>();
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            parts.Add($"{Clock(points[i])}-{Clock(points[i + 1])}");
        }

        return string.Join(',', parts);
    }

    private static string Clock(int quarter) => $"{quarter / 4:00}:{quarter % 4 * 15:00}";

    private static Gen<DateTimeOffset> Start(string zone) =>
        Gen.Frequency(
            (1, from seconds in Gen.Choose(0, 3 * 365 * 24 * 60 * 60 / 10)
                select RangeStart.AddSeconds(seconds * 10.0)),
            (2, from transition in Gen.Elements(TransitionsByZone[zone].DefaultIfEmpty(RangeStart).ToArray())
                from minutes in Gen.Choose(-3 * 24 * 60, 3 * 24 * 60)
                from ticks in Gen.Choose(0, 1000)
                select transition.AddMinutes(minutes).AddTicks(ticks)));

    private static Gen<TimeSpan> Duration() =>
        Gen.Frequency(
            (1, Gen.Constant(TimeSpan.Zero)),
            (3, Gen.Choose(1, 60 * 60).Select(s => TimeSpan.FromSeconds(s))),
            (3, Gen.Choose(1, 80 * 60).Select(m => TimeSpan.FromMinutes(m))));

    private static CalendarCase Build(string zone, string[] days, int[] holidayOffsets, DateTimeOffset start, TimeSpan first, TimeSpan second)
    {
        var options = new BusinessCalendarOptions { TimeZone = zone };
        var names = Enum.GetNames<DayOfWeek>();
        for (var i = 0; i < 7; i++)
        {
            options.Hours[names[i]] = days[i];
        }

        if (days.All(string.IsNullOrEmpty))
        {
            options.Hours["Monday"] = "09:00-17:00";
        }

        foreach (var offset in holidayOffsets)
        {
            options.Holidays.Add(DateOnly.FromDateTime(RangeStart.UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var description = $"{zone} [{string.Join("; ", options.Hours.Select(h => $"{h.Key[..3]} {h.Value}"))}] holidays [{string.Join(", ", options.Holidays)}]";
        return new CalendarCase(BusinessCalendarFactory.Create(options), description, start, first, second) { Options = options };
    }

    private static DateTimeOffset[] FindTransitions(TimeZoneInfo zone)
    {
        var found = new List<DateTimeOffset>();
        var previous = zone.GetUtcOffset(RangeStart);
        for (var at = RangeStart; at < RangeStart.AddYears(3); at = at.AddMinutes(15))
        {
            var offset = zone.GetUtcOffset(at);
            if (offset != previous)
            {
                found.Add(at);
                previous = offset;
            }
        }

        return [.. found];
    }
}

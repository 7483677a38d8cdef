using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

public sealed class BusinessCalendarFactoryTests
{
    private const string Path = "LeadSync:Sla:Calendars:office";

    private static List<string> Errors(BusinessCalendarOptions options)
    {
        var errors = new List<string>();
        var calendar = BusinessCalendarFactory.TryCreate(options, Path, errors);
        Assert.Equal(errors.Count == 0, calendar is not null);
        return errors;
    }

    private static BusinessCalendarOptions Office(string monday, string zone = "Europe/Berlin")
    {
        var options = new BusinessCalendarOptions { TimeZone = zone };
        options.Hours["Monday"] = monday;
        return options;
    }

    [Theory]
    [InlineData("9-17", "'9-17' is not an interval like 09:00-17:30 (24-hour HH:mm, end may be 24:00).")]
    [InlineData("09:00-25:00", "'09:00-25:00' is not an interval like 09:00-17:30 (24-hour HH:mm, end may be 24:00).")]
    [InlineData("09:00-09:00", "'09:00-09:00' must start before it ends; write a shift that crosses midnight as two days' intervals.")]
    [InlineData("22:00-02:00", "'22:00-02:00' must start before it ends; write a shift that crosses midnight as two days' intervals.")]
    [InlineData("13:00-17:00,09:00-13:30", "'09:00-13:30' overlaps '13:00-17:00'.")]
    public void Malformed_or_overlapping_hours_are_rejected_with_the_day_setting(string monday, string message) =>
        Assert.Equal([$"{Path}:Hours:Monday: {message}"], Errors(Office(monday)));

    [Fact]
    public void Split_shifts_touching_intervals_and_a_24_00_end_are_accepted() =>
        Assert.Empty(Errors(Office("00:00-06:00,06:00-12:00, 13:00-24:00")));

    [Fact]
    public void An_unknown_weekday_is_rejected()
    {
        var options = Office("09:00-17:00");
        options.Hours["Mon"] = "09:00-17:00";

        Assert.Equal([$"{Path}:Hours:Mon is not a weekday; use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday."], Errors(options));
    }

    [Fact]
    public void A_week_without_working_time_is_rejected_unless_always_open()
    {
        Assert.Equal(
            [$"{Path} has no working time: set {Path}:Hours:Monday … {Path}:Hours:Sunday (e.g. \"09:00-17:00\") or set {Path}:AlwaysOpen to true."],
            Errors(Office("closed")));
        Assert.Same(AlwaysOpenCalendar.Instance, BusinessCalendarFactory.Create(new BusinessCalendarOptions { AlwaysOpen = true }));
    }

    [Fact]
    public void An_unknown_time_zone_is_rejected() =>
        Assert.Equal(
            [$"{Path}:TimeZone 'Europe/Atlantis' is not a known IANA time zone id (such as Europe/Berlin or America/New_York)."],
            Errors(Office("09:00-17:00", "Europe/Atlantis")));

    [Fact]
    public void A_holiday_that_is_not_an_iso_date_is_rejected()
    {
        var options = Office("09:00-17:00");
        options.Holidays.Add("2026-12-24");
        options.Holidays.Add("24.12.2026");

        Assert.Equal([$"{Path}:Holidays:1 '24.12.2026' is not a date in yyyy-MM-dd form."], Errors(options));
    }

    [Fact]
    public void Hours_or_holidays_on_an_always_open_calendar_are_rejected_as_ambiguous()
    {
        var options = Office("09:00-17:00");
        options.AlwaysOpen = true;
        options.Holidays.Add("2026-12-24");

        Assert.Equal(2, Errors(options).Count);
    }
}

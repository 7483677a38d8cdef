using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

/// <summary>
/// DST rule under test: a working interval starts at the first occurrence of its start time and ends at the last
/// occurrence of its end time; a start or end inside a spring-forward gap resolves to the instant the clock jumped.
/// </summary>
public sealed class DaylightSavingTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", 23)]
    [InlineData("Europe/Berlin", "2026-10-25", 25)]
    [InlineData("America/New_York", "2026-03-08", 23)]
    [InlineData("America/New_York", "2026-11-01", 25)]
    [InlineData("Australia/Sydney", "2026-10-04", 23)]
    [InlineData("Australia/Sydney", "2026-04-05", 25)]
    public void A_whole_local_day_on_a_DST_change_has_its_real_length(string zone, string sunday, int hours)
    {
        var calendar = SundayOnly(zone, "00:00-24:00");
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var day = DateOnly.Parse(sunday, System.Globalization.CultureInfo.InvariantCulture);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), tz.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));

        var worked = calendar.BusinessTimeBetween(start.AddDays(-1), start.AddDays(2));

        Assert.Equal(TimeSpan.FromHours(hours), worked);
    }

    [Fact]
    public void Berlin_hours_that_fall_in_the_spring_gap_start_when_the_clock_jumps()
    {
        // 29 Mar 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC). 02:00-04:00 is one real hour.
        var calendar = SundayOnly("Europe/Berlin", "02:30-04:00");

        var deadline = calendar.AddBusinessTime(At("2026-03-28T12:00:00+01:00"), TimeSpan.FromMinutes(10));

        Assert.Equal(At("2026-03-29T03:10:00+02:00"), deadline);
        Assert.Equal(TimeSpan.FromHours(1), calendar.BusinessTimeBetween(At("2026-03-29T00:00:00+01:00"), At("2026-03-30T00:00:00+02:00")));
    }

    [Fact]
    public void An_interval_entirely_inside_the_spring_gap_has_no_working_time_that_day()
    {
        var calendar = SundayOnly("Europe/Berlin", "02:00-02:45");

        Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(At("2026-03-29T00:00:00+01:00"), At("2026-03-30T00:00:00+02:00")));
        Assert.Equal(At("2026-04-05T02:05:00+02:00"), calendar.AddBusinessTime(At("2026-03-29T00:00:00+01:00"), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Berlin_hours_that_start_in_the_autumn_overlap_start_at_the_first_occurrence()
    {
        // 25 Oct 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30 UTC and again at 01:30 UTC.
        var calendar = SundayOnly("Europe/Berlin", "02:30-04:00");

        Assert.Equal(At("2026-10-25T02:31:00+02:00"), calendar.AddBusinessTime(At("2026-10-24T12:00:00Z"), TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromHours(2.5), calendar.BusinessTimeBetween(At("2026-10-25T00:00:00+02:00"), At("2026-10-26T00:00:00+01:00")));
    }

    [Fact]
    public void Berlin_hours_that_end_in_the_autumn_overlap_end_at_the_last_occurrence()
    {
        var calendar = SundayOnly("Europe/Berlin", "01:00-02:30");

        var deadline = calendar.AddBusinessTime(At("2026-10-24T12:00:00Z"), TimeSpan.FromHours(2.5));

        Assert.Equal(At("2026-10-25T02:30:00+01:00"), deadline);
    }

    [Fact]
    public void Intervals_that_meet_inside_the_autumn_overlap_count_the_shared_time_once()
    {
        // 01:00-02:30 ends at the second 02:30 (01:30 UTC); 02:30-04:00 starts at the first (00:30 UTC).
        var calendar = SundayOnly("Europe/Berlin", "01:00-02:30,02:30-04:00");

        var worked = calendar.BusinessTimeBetween(At("2026-10-25T00:00:00+02:00"), At("2026-10-26T00:00:00+01:00"));

        Assert.Equal(TimeSpan.FromHours(4), worked);
    }

    [Fact]
    public void New_York_office_hours_over_the_spring_weekend_lose_no_business_time()
    {
        var calendar = Weekdays("America/New_York", "09:00-17:00");

        var deadline = calendar.AddBusinessTime(At("2026-03-06T16:00:00-05:00"), TimeSpan.FromHours(2));

        Assert.Equal(At("2026-03-09T10:00:00-04:00"), deadline);
        Assert.Equal(TimeSpan.FromHours(65), deadline - At("2026-03-06T16:00:00-05:00"));
    }

    [Fact]
    public void New_York_overnight_hours_through_the_autumn_change_count_the_repeated_hour()
    {
        var calendar = EveryDay("America/New_York", "00:00-06:00");

        // 1 Nov 2026: 02:00 EDT goes back to 01:00 EST, so Sunday's 00:00-06:00 lasts seven real hours.
        var worked = calendar.BusinessTimeBetween(At("2026-11-01T00:00:00-04:00"), At("2026-11-01T12:00:00-05:00"));

        Assert.Equal(TimeSpan.FromHours(7), worked);
        Assert.Equal(At("2026-11-01T06:00:00-05:00"), calendar.AddBusinessTime(At("2026-11-01T00:00:00-04:00"), TimeSpan.FromHours(7)));
    }

    [Fact]
    public void Sydney_office_hours_over_the_spring_weekend_follow_local_clocks()
    {
        var calendar = Weekdays("Australia/Sydney", "09:00-17:00");

        // 4 Oct 2026: Sydney moves from +10:00 to +11:00.
        var deadline = calendar.AddBusinessTime(At("2026-10-02T16:00:00+10:00"), TimeSpan.FromHours(2));

        Assert.Equal(At("2026-10-05T10:00:00+11:00"), deadline);
    }

    [Fact]
    public void Sydney_hours_that_end_in_the_autumn_overlap_end_at_the_last_occurrence()
    {
        // 5 Apr 2026: 03:00 AEDT goes back to 02:00 AEST; Sunday 00:00-02:30 ends at 02:30 AEST.
        var calendar = SundayOnly("Australia/Sydney", "00:00-02:30");

        Assert.Equal(TimeSpan.FromHours(3.5), calendar.BusinessTimeBetween(At("2026-04-05T00:00:00+11:00"), At("2026-04-06T00:00:00+10:00")));
    }
}

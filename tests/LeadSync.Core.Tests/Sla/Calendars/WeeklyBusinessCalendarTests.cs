using static LeadSync.Core.Tests.Sla.Calendars.TestCalendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

public sealed class WeeklyBusinessCalendarTests
{
    [Fact]
    public void Time_added_late_on_Friday_continues_on_Monday_morning()
    {
        var deadline = BerlinOffice().AddBusinessTime(At("2026-11-27T17:00:00+01:00"), TimeSpan.FromHours(1));

        Assert.Equal(At("2026-11-30T09:30:00+01:00"), deadline);
    }

    [Fact]
    public void The_clock_pauses_over_the_lunch_break_of_a_split_shift()
    {
        var deadline = BerlinOffice().AddBusinessTime(At("2026-11-23T11:30:00+01:00"), TimeSpan.FromHours(1));

        Assert.Equal(At("2026-11-23T13:30:00+01:00"), deadline);
    }

    [Fact]
    public void A_lead_received_outside_hours_starts_counting_at_the_next_opening()
    {
        var deadline = BerlinOffice().AddBusinessTime(At("2026-11-24T06:15:00+01:00"), TimeSpan.FromMinutes(5));

        Assert.Equal(At("2026-11-24T09:05:00+01:00"), deadline);
    }

    [Fact]
    public void Holidays_and_the_weekend_are_skipped()
    {
        // Wed 23 Dec after hours; 24 and 25 are holidays; 26–27 are the weekend.
        var deadline = BerlinOffice().AddBusinessTime(At("2026-12-23T17:00:00+01:00"), TimeSpan.FromHours(1));

        Assert.Equal(At("2026-12-28T09:30:00+01:00"), deadline);
    }

    [Fact]
    public void A_deadline_that_uses_up_a_shift_exactly_is_the_end_of_that_shift()
    {
        var deadline = BerlinOffice().AddBusinessTime(At("2026-11-23T09:00:00+01:00"), TimeSpan.FromHours(3));

        Assert.Equal(At("2026-11-23T12:00:00+01:00"), deadline);
    }

    [Fact]
    public void A_working_week_of_the_split_shift_is_thirty_seven_and_a_half_hours()
    {
        var worked = BerlinOffice().BusinessTimeBetween(At("2026-11-23T00:00:00+01:00"), At("2026-11-30T00:00:00+01:00"));

        Assert.Equal(TimeSpan.FromHours(37.5), worked);
    }

    [Fact]
    public void Business_time_between_is_negative_when_the_instants_are_reversed()
    {
        var calendar = BerlinOffice();
        var a = At("2026-11-23T10:00:00+01:00");
        var b = At("2026-11-24T10:00:00+01:00");

        Assert.Equal(-calendar.BusinessTimeBetween(a, b), calendar.BusinessTimeBetween(b, a));
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.BusinessTimeBetween(a, b));
    }

    [Fact]
    public void A_zero_duration_returns_the_start_even_outside_working_hours()
    {
        var start = At("2026-11-28T03:00:00+01:00");

        Assert.Equal(start, BerlinOffice().AddBusinessTime(start, TimeSpan.Zero));
    }

    [Fact]
    public void A_negative_duration_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BerlinOffice().AddBusinessTime(At("2026-11-23T10:00:00Z"), TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void Adjacent_intervals_across_midnight_form_one_overnight_shift()
    {
        var options = new LeadSync.Core.Sla.Calendars.BusinessCalendarOptions { TimeZone = "UTC" };
        options.Hours["Monday"] = "22:00-24:00";
        options.Hours["Tuesday"] = "00:00-06:00";
        var calendar = LeadSync.Core.Sla.Calendars.BusinessCalendarFactory.Create(options);

        Assert.Equal(At("2026-11-24T02:00:00Z"), calendar.AddBusinessTime(At("2026-11-23T21:00:00Z"), TimeSpan.FromHours(4)));
    }
}

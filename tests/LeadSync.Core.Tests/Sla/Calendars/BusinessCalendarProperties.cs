using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
public sealed class BusinessCalendarProperties
{
    [Property]
    public bool The_deadline_is_never_before_the_start(CalendarCase c) =>
        c.Calendar.AddBusinessTime(c.Start, c.First) >= c.Start;

    [Property]
    public bool Adding_business_time_in_two_steps_equals_adding_it_at_once(CalendarCase c) =>
        c.Calendar.AddBusinessTime(c.Calendar.AddBusinessTime(c.Start, c.First), c.Second)
        == c.Calendar.AddBusinessTime(c.Start, c.First + c.Second);

    [Property]
    public Property Business_time_from_the_start_to_the_deadline_is_the_duration_added(CalendarCase c)
    {
        var deadline = c.Calendar.AddBusinessTime(c.Start, c.First);
        var measured = c.Calendar.BusinessTimeBetween(c.Start, deadline);
        return (measured == c.First).Label($"deadline={deadline:O} measured={measured}");
    }

    [Property]
    public bool The_deadline_is_the_earliest_instant_with_enough_business_time(CalendarCase c)
    {
        var deadline = c.Calendar.AddBusinessTime(c.Start, c.First);
        return c.First == TimeSpan.Zero || c.Calendar.BusinessTimeBetween(c.Start, deadline.AddTicks(-1)) < c.First;
    }

    [Property]
    public bool Business_time_between_adds_up_over_consecutive_spans(CalendarCase c)
    {
        var middle = c.Start + c.First;
        var end = middle + c.Second;
        return c.Calendar.BusinessTimeBetween(c.Start, middle) + c.Calendar.BusinessTimeBetween(middle, end)
            == c.Calendar.BusinessTimeBetween(c.Start, end);
    }

    [Property]
    public bool Business_time_never_exceeds_elapsed_time(CalendarCase c)
    {
        var worked = c.Calendar.BusinessTimeBetween(c.Start, c.Start + c.First);
        return worked >= TimeSpan.Zero && worked <= c.First;
    }

    [Property(MaxTest = 150)]
    public Property Business_time_agrees_with_a_minute_by_minute_count_outside_fall_back_overlaps(CalendarCase c)
    {
        var from = new DateTimeOffset(c.Start.UtcTicks - (c.Start.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var to = from + TimeSpan.FromMinutes(Math.Min(Math.Floor(c.First.TotalMinutes * 30), 4 * 24 * 60));
        var skip = MinuteByMinuteOracle.ContainsFallBack(c.Options.TimeZone, from, to);
        return Prop.When(!skip, () =>
        {
            var expected = MinuteByMinuteOracle.BusinessTimeBetween(c.Options, from, to);
            var actual = c.Calendar.BusinessTimeBetween(from, to);
            return (expected == actual).Label($"from={from:O} to={to:O} oracle={expected} calendar={actual}");
        });
    }

    [Property]
    public bool A_round_the_clock_calendar_is_plain_addition(CalendarCase c)
    {
        var (start, d) = (c.Start, c.First + (c.Second * 1000));
        var calendar = AlwaysOpenCalendar.Instance;
        return calendar.AddBusinessTime(start, d) == start + d
            && calendar.BusinessTimeBetween(start, start + d) == d
            && calendar.BusinessTimeBetween(start + d, start) == -d;
    }

    [Property]
    public bool Hours_of_00_to_24_every_day_match_round_the_clock_time(CalendarCase c)
    {
        var everyDay = TestCalendars.EveryDay("Europe/Berlin", "00:00-24:00");
        return everyDay.AddBusinessTime(c.Start, c.First) == c.Start + c.First
            && everyDay.BusinessTimeBetween(c.Start, c.Start + c.Second) == c.Second;
    }
}

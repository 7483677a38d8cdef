using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LeadSync.Core.Tests.Sla.Calendars;

/// <summary>The fast working-time check agrees with the definition (a second of business time from the instant), DST aside.</summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
public sealed class IsWorkingAtProperties
{
    [Property]
    public Property Is_working_at_agrees_with_business_time_from_the_instant(CalendarCase c)
    {
        var at = new DateTimeOffset(c.Start.UtcTicks - (c.Start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var nearTransition = MinuteByMinuteOracle.ContainsFallBack(c.Options.TimeZone, at.AddDays(-1), at.AddDays(1))
            || c.Calendar.GetType() != typeof(Core.Sla.Calendars.WeeklyBusinessCalendar)
            || SpringForwardNear(c.Options.TimeZone, at);
        var definition = c.Calendar.BusinessTimeBetween(at, at + TimeSpan.FromSeconds(1)) > TimeSpan.Zero;
        return Prop.When(!nearTransition, () => (c.Calendar.IsWorkingAt(at) == definition).Label($"at={at:O} definition={definition}"));
    }

    private static bool SpringForwardNear(string zoneId, DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return zone.GetUtcOffset(at.AddDays(-1)) != zone.GetUtcOffset(at.AddDays(1));
    }
}

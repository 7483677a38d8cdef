namespace LeadSync.Core.Sla.Calendars;

/// <summary>The 24×7 calendar: business time is plain elapsed time, with no time zone, hours or holidays.</summary>
public sealed class AlwaysOpenCalendar : IBusinessCalendar
{
    private AlwaysOpenCalendar()
    {
    }

    public static AlwaysOpenCalendar Instance { get; } = new();

    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return start + duration;
    }

    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to) => to - from;
}

using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Sla.Calendars;

/// <summary>A generated calendar with a start instant and two durations; its text is what FsCheck prints on failure.</summary>
public sealed record CalendarCase(IBusinessCalendar Calendar, string Description, DateTimeOffset Start, TimeSpan First, TimeSpan Second)
{
    /// <summary>The settings the calendar was built from, for the brute-force oracle.</summary>
    public required BusinessCalendarOptions Options { get; init; }

    public override string ToString() => $"{Description} start={Start:O} first={First} second={Second}";
}

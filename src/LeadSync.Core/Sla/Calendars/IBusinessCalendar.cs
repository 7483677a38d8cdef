namespace LeadSync.Core.Sla.Calendars;

/// <summary>
/// A clock that only runs during working time. Pure: the same arguments always give the same answer,
/// and "now" is never read here — callers pass instants in.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>
    /// The earliest instant at which <paramref name="duration"/> of working time has elapsed since
    /// <paramref name="start"/>. A zero duration returns <paramref name="start"/> itself.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration);

    /// <summary>
    /// Working time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// Whether <paramref name="at"/> is working time (the people directory's off-hours check). Calendars with a faster
    /// answer than the definition (one second of working time from <paramref name="at"/>) override it.
    /// </summary>
    bool IsWorkingAt(DateTimeOffset at) => BusinessTimeBetween(at, at + TimeSpan.FromSeconds(1)) > TimeSpan.Zero;
}

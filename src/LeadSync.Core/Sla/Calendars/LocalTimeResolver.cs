namespace LeadSync.Core.Sla.Calendars;

/// <summary>
/// Turns a local wall-clock time into an instant, deterministically across DST changes:
/// a time that falls in a spring-forward gap resolves to the instant the gap ends (the first instant after it);
/// a time that occurs twice in a fall-back overlap resolves to its first occurrence when it starts an interval
/// (<see cref="Earliest"/>) and its last occurrence when it ends one (<see cref="Latest"/>).
/// </summary>
internal static class LocalTimeResolver
{
    public static DateTimeOffset Earliest(TimeZoneInfo zone, DateTime local) => Resolve(zone, local, firstOccurrence: true);

    public static DateTimeOffset Latest(TimeZoneInfo zone, DateTime local) => Resolve(zone, local, firstOccurrence: false);

    private static DateTimeOffset Resolve(TimeZoneInfo zone, DateTime local, bool firstOccurrence)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return EndOfGap(zone, local.Ticks);
        }

        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            // The larger offset is the earlier instant (the clock had not yet been turned back).
            offset = firstOccurrence ? offsets.Max() : offsets.Min();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The smallest instant whose local time is at or after <paramref name="localTicks"/>: the moment the clock jumped.</summary>
    private static DateTimeOffset EndOfGap(TimeZoneInfo zone, long localTicks)
    {
        var lo = localTicks - TimeSpan.TicksPerDay / 2;
        var hi = localTicks + TimeSpan.TicksPerDay / 2;
        while (LocalTicksAt(zone, lo) >= localTicks)
        {
            lo -= TimeSpan.TicksPerHour;
        }

        while (LocalTicksAt(zone, hi) < localTicks)
        {
            hi += TimeSpan.TicksPerHour;
        }

        // Invariant: local(lo) < target <= local(hi); local time only jumps forward around a gap.
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (LocalTicksAt(zone, mid) >= localTicks)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return new DateTimeOffset(hi, TimeSpan.Zero);
    }

    private static long LocalTicksAt(TimeZoneInfo zone, long utcTicks) =>
        utcTicks + zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;
}

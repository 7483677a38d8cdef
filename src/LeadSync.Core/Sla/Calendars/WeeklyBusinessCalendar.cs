namespace LeadSync.Core.Sla.Calendars;

/// <summary>
/// Working hours per weekday (split shifts allowed) in one time zone, minus holidays (local dates).
/// Intervals are local wall-clock times; each local day's intervals are turned into instants with the DST rule
/// of <see cref="LocalTimeResolver"/>, and where two resolved intervals overlap the shared time counts once.
/// </summary>
public sealed class WeeklyBusinessCalendar : IBusinessCalendar
{
    /// <summary>A guard against looping forever when holidays cover every working day for years.</summary>
    private const int MaxDaysWithoutWork = 3700;

    private readonly WorkingInterval[][] _hoursByDay;
    private readonly HashSet<DateOnly> _holidays;

    public WeeklyBusinessCalendar(
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> hours,
        IEnumerable<DateOnly>? holidays = null)
    {
        TimeZone = timeZone;
        _hoursByDay = new WorkingInterval[7][];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var intervals = hours.TryGetValue(day, out var list) ? list.OrderBy(i => i.Start).ToArray() : [];
            for (var i = 1; i < intervals.Length; i++)
            {
                if (intervals[i].Start < intervals[i - 1].End)
                {
                    throw new ArgumentException($"{day}: '{intervals[i - 1]}' overlaps '{intervals[i]}'.", nameof(hours));
                }
            }

            _hoursByDay[(int)day] = intervals;
        }

        if (_hoursByDay.All(d => d.Length == 0))
        {
            throw new ArgumentException("A weekly calendar needs some working time in the week.", nameof(hours));
        }

        _holidays = [.. holidays ?? []];
    }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start;
        }

        var remaining = duration;
        foreach (var (from, to) in WorkingPeriodsFrom(start))
        {
            var length = to - from;
            if (remaining <= length)
            {
                return from + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Unreachable: working periods never end.");
    }

    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in WorkingPeriodsFrom(from))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total;
    }

    /// <summary>
    /// One time-zone conversion: the local wall-clock time of <paramref name="at"/> inside one of its local date's
    /// intervals (no holiday). Routing asks this for every rep of a team per lead, so it avoids walking the periods.
    /// </summary>
    public bool IsWorkingAt(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZone).DateTime;
        var time = local.TimeOfDay;
        foreach (var interval in HoursOn(DateOnly.FromDateTime(local)))
        {
            if (time >= interval.Start && time < interval.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Working periods at or after <paramref name="from"/>, in order, never overlapping, as UTC instants.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WorkingPeriodsFrom(DateTimeOffset from)
    {
        var cursor = from.ToUniversalTime();
        // Start a day early: a DST overlap at midnight can make yesterday's last interval end after "from".
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TimeZone).DateTime).AddDays(-1);
        var daysWithoutWork = 0;
        while (true)
        {
            var worked = false;
            foreach (var interval in HoursOn(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                var start = LocalTimeResolver.Earliest(TimeZone, midnight + interval.Start);
                var end = LocalTimeResolver.Latest(TimeZone, midnight + interval.End);
                if (start < cursor)
                {
                    start = cursor;
                }

                if (end <= start)
                {
                    continue;
                }

                worked = true;
                cursor = end;
                yield return (start, end);
            }

            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            if (daysWithoutWork > MaxDaysWithoutWork)
            {
                throw new InvalidOperationException($"No working time for {MaxDaysWithoutWork} days after {from:O}; check the holidays.");
            }

            date = date.AddDays(1);
        }
    }

    private WorkingInterval[] HoursOn(DateOnly date) => _holidays.Contains(date) ? [] : _hoursByDay[(int)date.DayOfWeek];
}

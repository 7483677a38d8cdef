namespace LeadSync.Core.Sla.Calendars;

/// <summary>
/// One stretch of working time inside a local day, as wall-clock offsets from local midnight:
/// <c>00:00 ≤ Start &lt; End ≤ 24:00</c>. Shifts that cross midnight are written as two intervals.
/// </summary>
public sealed record WorkingInterval
{
    public WorkingInterval(TimeSpan start, TimeSpan end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, TimeSpan.FromDays(1));
        if (start >= end)
        {
            throw new ArgumentException($"A working interval must start before it ends ({Format(start)}-{Format(end)}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeSpan Start { get; }

    public TimeSpan End { get; }

    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
}

using NCrontab;

namespace LeadSync.Infrastructure.Scheduling;

/// <summary>
/// NCRONTAB schedules with the same semantics as Azure Functions timer triggers: six fields
/// (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), evaluated in UTC.
/// </summary>
public sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(CrontabSchedule schedule, string expression)
    {
        _schedule = schedule;
        Expression = expression;
    }

    public string Expression { get; }

    public static bool TryParse(string? expression, out CronSchedule? schedule)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        var parsed = CrontabSchedule.TryParse(expression.Trim(), new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (parsed is null)
        {
            return false;
        }

        schedule = new CronSchedule(parsed, expression.Trim());
        return true;
    }

    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule)
            ? schedule!
            : throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression.");

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var next = _schedule.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }
}

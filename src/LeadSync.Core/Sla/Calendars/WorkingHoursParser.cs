namespace LeadSync.Core.Sla.Calendars;

/// <summary>Parses one weekday's hours, e.g. <c>09:00-12:00,13:00-17:30</c>; empty or <c>closed</c> means no work.</summary>
public static class WorkingHoursParser
{
    public static bool TryParse(string? text, out IReadOnlyList<WorkingInterval> intervals, out string? error)
    {
        intervals = [];
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parsed = new List<WorkingInterval>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryParseTime(ends[0], out var start) || !TryParseTime(ends[1], out var end))
            {
                error = $"'{part}' is not an interval like 09:00-17:30 (24-hour HH:mm, end may be 24:00).";
                return false;
            }

            if (start >= end)
            {
                error = $"'{part}' must start before it ends; write a shift that crosses midnight as two days' intervals.";
                return false;
            }

            parsed.Add(new WorkingInterval(start, end));
        }

        parsed.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < parsed.Count; i++)
        {
            if (parsed[i].Start < parsed[i - 1].End)
            {
                error = $"'{parsed[i - 1]}' overlaps '{parsed[i]}'.";
                return false;
            }
        }

        intervals = parsed;
        return true;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        var pieces = text.Split(':');
        if (pieces.Length != 2 || pieces[0].Length is < 1 or > 2 || pieces[1].Length != 2
            || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0);
        return true;
    }
}

namespace LeadSync.Core.Reports;

/// <summary>A validated funnel report request: UTC days <see cref="From"/> to <see cref="To"/> (inclusive), grouped.</summary>
public sealed record FunnelQuery(DateOnly From, DateOnly To, FunnelGroupBy GroupBy)
{
    public const int MaxDays = 366;

    /// <summary>Parses query-string values; field errors (keyed by parameter name) instead of exceptions.</summary>
    public static FunnelQuery? Parse(string? from, string? to, string? groupBy, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        var group = FunnelGroupBy.Source;
        if (!string.IsNullOrEmpty(groupBy) &&
            (!Enum.TryParse(groupBy, ignoreCase: true, out group) || !Enum.IsDefined(group) || groupBy.Any(char.IsDigit)))
        {
            errors["groupBy"] = ["Use source, campaign or owner."];
        }

        if (fromDay is { } f && toDay is { } t)
        {
            if (t < f)
            {
                errors["to"] = ["Must not be before from."];
            }
            else if (t.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                errors["to"] = [$"The range may cover at most {MaxDays} days."];
            }
        }

        return errors.Count == 0 ? new FunnelQuery(fromDay!.Value, toDay!.Value, group) : null;
    }

    private static DateOnly? Day(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = ["Required, as a UTC date yyyy-MM-dd."];
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors[field] = ["Not a date in the form yyyy-MM-dd."];
            return null;
        }

        return day;
    }
}

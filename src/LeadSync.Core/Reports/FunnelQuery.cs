namespace LeadSync.Core.Reports;

/// <summary>
/// A validated funnel report request: UTC days <see cref="From"/> to <see cref="To"/> (inclusive), grouped, optionally
/// narrowed to one source, campaign and/or owner (<c>(none)</c> selects unset values). Vendor test leads are left
/// out unless <see cref="IncludeTest"/>.
/// </summary>
public sealed record FunnelQuery(DateOnly From, DateOnly To, FunnelGroupBy GroupBy)
{
    public const int MaxDays = 366;
    public const int MaxFilterLength = 200;

    public string? Source { get; init; }

    public string? Campaign { get; init; }

    public string? Owner { get; init; }

    public bool IncludeTest { get; init; }

    /// <summary>True when <paramref name="row"/> passes the filters (test leads, source, campaign, owner).</summary>
    public bool Matches(FunnelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Matches(row.Source, row.Campaign, row.Owner, row.IsTest);
    }

    /// <summary>True when cycles with these values pass the filters (test leads, source, campaign, owner).</summary>
    public bool Matches(string? source, string? campaign, string? owner, bool isTest) =>
        (IncludeTest || !isTest)
        && Same(Source, source)
        && Same(Campaign, campaign)
        && Same(Owner, owner);

    /// <summary>Parses query-string values; field errors (keyed by parameter name) instead of exceptions.</summary>
    public static FunnelQuery? Parse(
        string? from,
        string? to,
        string? groupBy,
        out Dictionary<string, string[]> errors,
        string? source = null,
        string? campaign = null,
        string? owner = null,
        string? includeTest = null)
    {
        errors = [];
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        var group = FunnelGroupBy.Source;
        if (!string.IsNullOrEmpty(groupBy) &&
            (!Enum.TryParse(groupBy, ignoreCase: true, out group) || !Enum.IsDefined(group) || groupBy.Any(char.IsDigit)))
        {
            errors["groupBy"] = ["Use source, campaign, owner, team or week."];
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

        var sourceFilter = Filter(source, "source", errors);
        var campaignFilter = Filter(campaign, "campaign", errors);
        var ownerFilter = Filter(owner, "owner", errors);
        var withTest = false;
        if (!string.IsNullOrEmpty(includeTest) && !bool.TryParse(includeTest, out withTest))
        {
            errors["includeTest"] = ["Use true or false."];
        }

        return errors.Count == 0
            ? new FunnelQuery(fromDay!.Value, toDay!.Value, group)
            {
                Source = sourceFilter,
                Campaign = campaignFilter,
                Owner = ownerFilter,
                IncludeTest = withTest,
            }
            : null;
    }

    /// <summary>A filter matches its value case-insensitively; <c>(none)</c> matches an unset value.</summary>
    private static bool Same(string? filter, string? value) =>
        filter is null
        || (filter == FunnelReport.Unassigned ? string.IsNullOrEmpty(value) : string.Equals(filter, value, StringComparison.OrdinalIgnoreCase));

    private static string? Filter(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > MaxFilterLength || value.Any(char.IsControl))
        {
            errors[field] = [$"At most {MaxFilterLength} characters, no control characters."];
            return null;
        }

        return value.Trim();
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

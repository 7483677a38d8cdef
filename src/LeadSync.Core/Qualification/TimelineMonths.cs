namespace LeadSync.Core.Qualification;

/// <summary>
/// Reads how many months away a free-text timeline answer is: <c>immediately</c> → 0, <c>6 weeks</c> → 1.4,
/// <c>1-3 months</c> → 3 (a range counts by its far end), <c>this quarter</c> → 3, <c>next year</c> → 24. Null when the
/// answer names no time ("not sure", "no timeline").
/// </summary>
public static partial class TimelineMonths
{
    private const decimal DaysPerMonth = 30.4m;
    private const decimal WeeksPerMonth = 4.345m;

    public static decimal? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var text = answer.Trim().ToUpperInvariant();
        decimal? farthest = null;
        foreach (Match match in Span().Matches(text))
        {
            var months = Months(match);
            farthest = farthest is { } f && f >= months ? f : months;
        }

        if (farthest is not null)
        {
            return farthest;
        }

        return Phrase(text);
    }

    private static decimal Months(Match match)
    {
        var numbers = new[] { match.Groups["from"].Value, match.Groups["to"].Value }
            .Where(v => v.Length > 0)
            .Select(v => decimal.Parse(v, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        var count = numbers.Max();
        return match.Groups["unit"].Value switch
        {
            var u when u.StartsWith("DAY", StringComparison.Ordinal) => Math.Round(count / DaysPerMonth, 1),
            var u when u.StartsWith("WEEK", StringComparison.Ordinal) || u == "WK" || u == "WKS" => Math.Round(count / WeeksPerMonth, 1),
            var u when u.StartsWith("QUARTER", StringComparison.Ordinal) => count * 3,
            var u when u.StartsWith("YEAR", StringComparison.Ordinal) || u == "YR" || u == "YRS" => count * 12,
            _ => count,
        };
    }

    private static decimal? Phrase(string text) => text switch
    {
        _ when Immediate().IsMatch(text) => 0m,
        _ when text.Contains("THIS MONTH", StringComparison.Ordinal) => 1m,
        _ when text.Contains("NEXT MONTH", StringComparison.Ordinal) => 2m,
        _ when text.Contains("THIS QUARTER", StringComparison.Ordinal) => 3m,
        _ when text.Contains("NEXT QUARTER", StringComparison.Ordinal) => 6m,
        _ when text.Contains("THIS YEAR", StringComparison.Ordinal) => 12m,
        _ when text.Contains("NEXT YEAR", StringComparison.Ordinal) => 24m,
        _ => null,
    };

    [GeneratedRegex(@"(?<from>\d+(?:\.\d+)?)\s*(?:(?:-|–|TO)\s*(?<to>\d+(?:\.\d+)?)\s*)?(?<unit>DAYS?|WEEKS?|WKS?|MONTHS?|MOS?|QUARTERS?|YEARS?|YRS?)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Span();

    [GeneratedRegex(@"\b(IMMEDIATE(LY)?|ASAP|NOW|RIGHT AWAY|URGENT(LY)?|THIS WEEK|TODAY)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Immediate();
}

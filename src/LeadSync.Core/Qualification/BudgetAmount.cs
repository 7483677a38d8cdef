namespace LeadSync.Core.Qualification;

/// <summary>
/// Reads the amount a free-text budget answer names: <c>$50,000</c>, <c>50k</c>, <c>1.5M EUR</c>,
/// <c>10k-50k</c>, <c>up to 2 million</c>. A range counts by its upper end (what the buyer says they can spend);
/// the currency is ignored (one threshold per policy). Null when the answer names no amount ("tbd", "not sure").
/// </summary>
public static partial class BudgetAmount
{
    public static decimal? Parse(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        decimal? largest = null;
        foreach (Match match in Amount().Matches(answer))
        {
            var digits = match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal)
                .Replace("'", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            value *= match.Groups["unit"].Value.ToUpperInvariant() switch
            {
                "K" or "THOUSAND" => 1_000m,
                "M" or "MM" or "MILLION" or "MIO" => 1_000_000m,
                "B" or "BN" or "BILLION" => 1_000_000_000m,
                _ => 1m,
            };
            largest = largest is { } l && l >= value ? l : value;
        }

        return largest;
    }

    [GeneratedRegex(@"(?<number>\d{1,3}(?:[,' ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<unit>thousand|million|billion|mio|bn|mm|k|m|b)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Amount();
}

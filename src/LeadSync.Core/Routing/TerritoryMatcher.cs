namespace LeadSync.Core.Routing;

/// <summary>The first territory rule of a policy that fits a lead (pure).</summary>
public static class TerritoryMatcher
{
    public static TerritoryRuleOptions? Match(Lead lead, RoutingPolicyOptions policy, RoutingOptions options) =>
        policy.Territories.FirstOrDefault(rule => rule is not null && Fits(lead, rule, options));

    public static bool Fits(Lead lead, TerritoryRuleOptions rule, RoutingOptions options)
    {
        if (!OneOf(RoutingFields.ValueOf(lead, "Country"), rule.Countries)
            || !OneOf(rule.Regions.Count == 0 ? null : RoutingFields.ValueOf(lead, options.RegionField), rule.Regions)
            || !OneOf(rule.Industries.Count == 0 ? null : RoutingFields.ValueOf(lead, options.IndustryField), rule.Industries))
        {
            return false;
        }

        if (rule.MinEmployees is not null || rule.MaxEmployees is not null)
        {
            var size = Employees(RoutingFields.ValueOf(lead, options.EmployeesField));
            if (size is null || size < rule.MinEmployees || size > rule.MaxEmployees)
            {
                return false;
            }
        }

        return rule.Fields.All(f => OneOf(RoutingFields.ValueOf(lead, f.Key), f.Value ?? []));
    }

    private static bool OneOf(string? value, IList<string> accepted) =>
        accepted.Count == 0 || (value is not null && accepted.Any(a => a is not null && a.Trim().Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>A number of employees: "250", "250.0", or a band such as "201-500" (its lower bound) or "1000+".</summary>
    private static int? Employees(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new string(value.Trim().TakeWhile(c => char.IsAsciiDigit(c) || c is ',' or '.').Where(c => c != ',').ToArray());
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is >= 0 and < int.MaxValue ? (int)n : null;
    }
}

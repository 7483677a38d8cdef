namespace LeadSync.Core.Routing;

/// <summary>Stops the host on bad routing settings; the admin <c>routing-policies</c> document is checked by the same rules.</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var failures = new List<string>();
        Check(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void Check(RoutingOptions options, ICollection<string> failures)
    {
        const string section = RoutingOptions.Section;
        if (options.AccountCacheTtl < TimeSpan.FromMinutes(1) || options.AccountCacheTtl > TimeSpan.FromDays(7))
        {
            failures.Add($"{section}:AccountCacheTtl must be between 00:01:00 and 7.00:00:00.");
        }

        foreach (var (field, value) in new[] { ("RegionField", options.RegionField), ("IndustryField", options.IndustryField), ("EmployeesField", options.EmployeesField) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{section}:{field} must name a field.");
            }
        }

        for (var d = 0; d < options.FreeMailDomains.Count; d++)
        {
            if (options.FreeMailDomains[d] is not { } domain || !EmailDomains.IsDomain(domain))
            {
                failures.Add($"{section}:FreeMailDomains:{d} '{options.FreeMailDomains[d]}' is not a domain name.");
            }
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Policies.Count; i++)
        {
            var path = $"{section}:Policies:{i}";
            if (options.Policies[i] is not { } policy)
            {
                failures.Add($"{path} must be an object.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(policy.Name) || !names.Add(policy.Name.Trim()))
            {
                failures.Add($"{path}:Name is required and must be unique.");
            }

            if (!RoutingModes.All.Contains(policy.Mode?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{path}:Mode '{policy.Mode}' must be one of {string.Join(", ", RoutingModes.All)}.");
            }

            for (var t = 0; t < policy.Territories.Count; t++)
            {
                var rule = policy.Territories[t];
                var rulePath = $"{path}:Territories:{t}";
                if (rule is null)
                {
                    failures.Add($"{rulePath} must be an object.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(rule.Team))
                {
                    failures.Add($"{rulePath}:Team must name a team of the people directory.");
                }

                if (rule.MinEmployees is < 0 || rule.MaxEmployees is < 0 || rule.MinEmployees > rule.MaxEmployees)
                {
                    failures.Add($"{rulePath}:MinEmployees must not be negative nor more than MaxEmployees.");
                }

                foreach (var (field, values) in rule.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field) || values is null || values.Count == 0)
                    {
                        failures.Add($"{rulePath}:Fields:{field} must name a field and list at least one value.");
                    }
                }
            }

            if (policy.Mode?.Trim().Equals(RoutingModes.Route, StringComparison.OrdinalIgnoreCase) == true
                && !policy.AccountMatch && policy.Territories.Count == 0 && string.IsNullOrWhiteSpace(policy.DefaultTeam))
            {
                failures.Add($"{path} routes but has no account match, no territory and no DefaultTeam: it could never choose an owner.");
            }
        }
    }
}

namespace LeadSync.Core.Routing;

/// <summary>
/// One territory: every condition set must hold (values compared case-insensitively; an empty list is no condition).
/// Fields are the lead's canonical fields (Country, Company, Title, Source, Campaign, EmailDomain, Utm…) or any field
/// of the submitted payload by name.
/// </summary>
public sealed class TerritoryRuleOptions
{
    public string Name { get; set; } = "";

    /// <summary>The team (id or name in the people directory) that gets the territory's leads.</summary>
    public string Team { get; set; } = "";

    public IList<string> Countries { get; } = [];

    /// <summary>Matched against <see cref="RoutingOptions.RegionField"/>.</summary>
    public IList<string> Regions { get; } = [];

    /// <summary>Matched against <see cref="RoutingOptions.IndustryField"/>.</summary>
    public IList<string> Industries { get; } = [];

    /// <summary>Company size bounds (inclusive) on <see cref="RoutingOptions.EmployeesField"/>.</summary>
    public int? MinEmployees { get; set; }

    public int? MaxEmployees { get; set; }

    /// <summary>Any other field → accepted values.</summary>
    public IDictionary<string, IList<string>> Fields { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);
}

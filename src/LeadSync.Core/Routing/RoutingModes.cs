namespace LeadSync.Core.Routing;

/// <summary>What a routing policy does.</summary>
public static class RoutingModes
{
    /// <summary>Leave the owner to the CRM's own assignment rules (the default).</summary>
    public const string Crm = "crm";

    /// <summary>LeadSync picks the owner: account match, territory, weighted round-robin.</summary>
    public const string Route = "route";

    public static IReadOnlyList<string> All { get; } = [Crm, Route];
}

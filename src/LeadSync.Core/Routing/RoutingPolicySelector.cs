namespace LeadSync.Core.Routing;

/// <summary>The first routing policy whose sources and tiers fit the lead (pure).</summary>
public static class RoutingPolicySelector
{
    public static RoutingPolicyOptions? Select(Lead lead, string tier, RoutingOptions options) =>
        options.Policies.FirstOrDefault(p => p is not null
            && (p.Sources.Count == 0 || p.Sources.Any(s => s.Trim().Equals(lead.Source, StringComparison.OrdinalIgnoreCase)))
            && (p.Tiers.Count == 0 || p.Tiers.Any(t => t.Trim().Equals(tier, StringComparison.OrdinalIgnoreCase))));

    public static bool Routes(RoutingPolicyOptions? policy) =>
        policy is not null && RoutingModes.Route.Equals(policy.Mode?.Trim(), StringComparison.OrdinalIgnoreCase);
}

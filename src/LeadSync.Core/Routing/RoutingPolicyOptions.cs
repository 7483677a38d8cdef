namespace LeadSync.Core.Routing;

/// <summary>One routing policy (<c>LeadSync:Routing:Policies:{i}</c>).</summary>
public sealed class RoutingPolicyOptions
{
    public string Name { get; set; } = "";

    /// <summary>Sources the policy applies to (e.g. <c>hubspot</c>, <c>typeform</c>); empty: every source.</summary>
    public IList<string> Sources { get; } = [];

    /// <summary>SLA tiers (policy names of <c>LeadSync:Sla:Policies</c>, or <c>default</c>) it applies to; empty: every tier.</summary>
    public IList<string> Tiers { get; } = [];

    /// <summary><c>crm</c>: leave the owner to the CRM's assignment rules; <c>route</c>: LeadSync chooses it.</summary>
    public string Mode { get; set; } = RoutingModes.Crm;

    /// <summary>Match the e-mail domain against the CRM's accounts/companies first; the account owner gets the lead.</summary>
    public bool AccountMatch { get; set; } = true;

    /// <summary>Territory rules, tried in order; the first that fits names the team.</summary>
    public IList<TerritoryRuleOptions> Territories { get; } = [];

    /// <summary>The team of a lead no territory fits; empty: such a lead is left to the CRM.</summary>
    public string? DefaultTeam { get; set; }
}

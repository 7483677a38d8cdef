namespace LeadSync.Core.Sla.Policies;

/// <summary>
/// Criteria a lead must all meet (<c>LeadSync:Sla:Policies:{i}:Match</c>). An empty list or missing bound is
/// "any". A lead without a score never matches a policy that sets a score bound.
/// </summary>
public sealed class SlaPolicyMatchOptions
{
    /// <summary>Webhook source names (case-insensitive), e.g. <c>hubspot</c>.</summary>
    public IList<string> Sources { get; } = [];

    /// <summary>Lowest matching score, inclusive.</summary>
    public int? MinScore { get; set; }

    /// <summary>Highest matching score, inclusive.</summary>
    public int? MaxScore { get; set; }

    /// <summary>Contact countries as the source sends them (case-insensitive), e.g. <c>DE</c>.</summary>
    public IList<string> Countries { get; } = [];
}

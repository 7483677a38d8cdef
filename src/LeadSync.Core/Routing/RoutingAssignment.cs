namespace LeadSync.Core.Routing;

/// <summary>One lead's routing, as the ledger keeps it: who got it, and the team credits after the step.</summary>
public sealed record RoutingAssignment(string LeadId, string PersonId, string OwnerId, string? TeamId, string DirectoryVersion, string Explanation, DateTimeOffset At)
{
    /// <summary>The team's credits after the step (null: an account owner, no round-robin step).</summary>
    public IReadOnlyDictionary<string, long>? Credits { get; init; }

    /// <summary>Keep the lead in the rep's open leads (the rep has an open-lead cap).</summary>
    public bool TrackOpen { get; init; }

    /// <summary>Open leads of the rep found closed since, removed in the same commit.</summary>
    public IReadOnlyList<string> ReleasedLeads { get; init; } = [];
}

namespace LeadSync.Core.Routing;

/// <summary>The rep a round-robin step chose (null: nobody available), the team's credits after it, and who was skipped why.</summary>
public sealed record RoundRobinPick(Person? Chosen, IReadOnlyDictionary<string, long> Credits, IReadOnlyList<string> Skipped);

namespace LeadSync.Core.Routing;

/// <summary>
/// The routing counters as read: a team's round-robin credits and its reps' loads. <see cref="Concurrency"/> is the
/// store's token for the conditional commit (opaque to the core).
/// </summary>
public sealed record RoutingLedgerState(string? TeamId, IReadOnlyDictionary<string, long> Credits, IReadOnlyDictionary<string, RepLedger> Reps)
{
    public object? Concurrency { get; init; }

    public RepLedger Rep(string personId) => Reps.TryGetValue(personId, out var rep) ? rep : RepLedger.Empty(personId);
}

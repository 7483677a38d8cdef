namespace LeadSync.Core.Routing;

/// <summary>
/// The shared routing counters. A commit writes the team's credits, the rep's counters and the lead's assignment in
/// one conditional transaction, so two instances routing at once never both use the same credits and a lead is
/// routed once.
/// </summary>
public interface IRoutingLedger
{
    Task<RoutingLedgerState> ReadAsync(string? teamId, IReadOnlyList<string> personIds, CancellationToken cancellationToken);

    Task<RoutingCommitResult> TryCommitAsync(RoutingLedgerState read, RoutingAssignment assignment, CancellationToken cancellationToken);

    /// <summary>The lead's assignment, when it was routed.</summary>
    Task<RoutingAssignment?> FindAsync(string leadId, CancellationToken cancellationToken);
}

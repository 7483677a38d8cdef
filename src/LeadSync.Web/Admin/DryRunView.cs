namespace LeadSync.Web.Admin;

/// <summary>
/// The answer of <c>POST /api/admin/sla-policies/dry-run</c>. <see cref="Truncated"/> is true when more open leads
/// exist than the bound (<see cref="Evaluated"/>) the dry run reads.
/// </summary>
public sealed record DryRunView(DateTimeOffset Now, DateTimeOffset Horizon, int Evaluated, bool Truncated, IReadOnlyList<DryRunItem> Breaches, IReadOnlyList<DryRunItem> Recycles)
{
    /// <summary>
    /// Leads in sales' hands whose next follow-up cadence checkpoint under the candidate document falls due within the
    /// horizon (<see cref="DryRunItem.Policy"/> names the tier and the checkpoint, e.g. <c>hot checkpoint 2 (3 attempts)</c>).
    /// </summary>
    public IReadOnlyList<DryRunItem> Checkpoints { get; init; } = [];
}

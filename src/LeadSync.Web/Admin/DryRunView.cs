namespace LeadSync.Web.Admin;

/// <summary>
/// The answer of <c>POST /api/admin/sla-policies/dry-run</c>. <see cref="Truncated"/> is true when more open leads
/// exist than the bound (<see cref="Evaluated"/>) the dry run reads.
/// </summary>
public sealed record DryRunView(DateTimeOffset Now, DateTimeOffset Horizon, int Evaluated, bool Truncated, IReadOnlyList<DryRunItem> Breaches, IReadOnlyList<DryRunItem> Recycles);

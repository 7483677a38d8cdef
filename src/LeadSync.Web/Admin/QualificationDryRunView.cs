namespace LeadSync.Web.Admin;

/// <summary>
/// The answer of <c>POST /api/admin/qualification/dry-run</c>: how many of the last stored leads were judged, how many
/// are sales-ready under the definition in effect and under the candidate, and each lead whose outcome would change.
/// </summary>
public sealed record QualificationDryRunView(
    int Evaluated, int SalesReadyNow, int SalesReadyCandidate, IReadOnlyList<QualificationDryRunItem> Changes);

namespace LeadSync.Web.Admin;

/// <summary>The answer of <c>POST /api/admin/routing-policies/dry-run</c>: the newest leads and what routing would decide.</summary>
public sealed record RoutingDryRunView(DateTimeOffset Now, string DirectoryVersion, int Evaluated, IReadOnlyList<RoutingDryRunItem> Leads);

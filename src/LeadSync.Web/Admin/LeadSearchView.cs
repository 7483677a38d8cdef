namespace LeadSync.Web.Admin;

/// <summary>The JSON shape of <c>GET /api/admin/leads</c>: one page and the token for the next (null on the last page).</summary>
public sealed record LeadSearchView(IReadOnlyList<LeadSummary> Items, string? ContinuationToken);

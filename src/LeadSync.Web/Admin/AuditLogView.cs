namespace LeadSync.Web.Admin;

/// <summary>The JSON shape of <c>GET /api/admin/audit</c>: one page, newest first, and the token for the next (null on the last page).</summary>
public sealed record AuditLogView(IReadOnlyList<AuditEntry> Items, string? ContinuationToken);

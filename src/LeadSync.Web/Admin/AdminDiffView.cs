namespace LeadSync.Web.Admin;

/// <summary>The answer of <c>GET /api/admin/config/{resource}/diff</c>: what changed from version <c>From</c> to <c>To</c>.</summary>
public sealed record AdminDiffView(string Resource, int From, int To, IReadOnlyList<AdminFieldChange> Changes);

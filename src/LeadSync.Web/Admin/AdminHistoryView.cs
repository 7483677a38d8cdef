namespace LeadSync.Web.Admin;

/// <summary>The JSON shape of <c>GET /api/admin/config/{resource}/history</c>: newest first.</summary>
public sealed record AdminHistoryView(string Resource, IReadOnlyList<AdminHistoryEntry> Versions);

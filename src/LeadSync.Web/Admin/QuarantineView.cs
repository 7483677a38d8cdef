namespace LeadSync.Web.Admin;

/// <summary>A quarantined delivery as admins see it (payload shown up to 16 KB).</summary>
public sealed record QuarantineView(
    string Id,
    string Source,
    DateTimeOffset ReceivedAt,
    string Reason,
    IReadOnlyDictionary<string, string[]> Errors,
    string? ContentType,
    string Payload,
    DateTimeOffset? ReplayedAt,
    IReadOnlyList<string> LeadIds);

namespace LeadSync.Web.Admin;

/// <summary>One version in an admin resource's history (secrets removed from <see cref="Document"/>).</summary>
public sealed record AdminHistoryEntry(int Version, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> Changes, JsonNode? Document);

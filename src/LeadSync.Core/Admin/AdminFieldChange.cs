namespace LeadSync.Core.Admin;

/// <summary>One value that differs between two versions of an admin document (<c>null</c>: absent on that side).</summary>
public sealed record AdminFieldChange(string Path, JsonNode? Before, JsonNode? After);

namespace LeadSync.Core.Admin;

/// <summary>One stored version of an admin resource: what it was set to, by whom and when.</summary>
/// <param name="Resource">One of <see cref="AdminResources.All"/>.</param>
/// <param name="Version">1 for the first admin change; 0 means "never changed by an admin" (settings apply).</param>
/// <param name="Json">The document (for history rows: with secrets removed).</param>
/// <param name="ChangedBy">The admin key id or Entra principal that made the change.</param>
/// <param name="ChangedAt">When the change was stored.</param>
/// <param name="Changes">Top-level fields that differ from the previous version.</param>
public sealed record AdminConfigVersion(string Resource, int Version, string Json, string ChangedBy, DateTimeOffset ChangedAt, IReadOnlyList<string> Changes);

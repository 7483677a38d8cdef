namespace LeadSync.Core.Admin;

/// <summary>The <see cref="AdminResources.Directory"/> document: owner id → manager and channel.</summary>
public sealed class EscalationDirectory
{
    public IDictionary<string, DirectoryEntry> Owners { get; } = new Dictionary<string, DirectoryEntry>(StringComparer.OrdinalIgnoreCase);
}

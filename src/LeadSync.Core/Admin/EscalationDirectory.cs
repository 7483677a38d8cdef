using System.Text.Json;

namespace LeadSync.Core.Admin;

/// <summary>The <see cref="AdminResources.Directory"/> document: owner id → manager and channel.</summary>
public sealed class EscalationDirectory
{
    public IDictionary<string, DirectoryEntry> Owners { get; } = new Dictionary<string, DirectoryEntry>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The admin-stored directory entry of <paramref name="owner"/>, or null (no directory, no owner, not listed).</summary>
    public static DirectoryEntry? Find(IAdminConfiguration? configuration, string? owner)
    {
        if (configuration?.Current(AdminResources.Directory) is not { } json || string.IsNullOrWhiteSpace(owner))
        {
            return null;
        }

        var directory = JsonSerializer.Deserialize<EscalationDirectory>(json, AdminJson.Options);
        return directory is not null && directory.Owners.TryGetValue(owner, out var entry) ? entry : null;
    }
}

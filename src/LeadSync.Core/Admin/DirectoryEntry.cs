namespace LeadSync.Core.Admin;

/// <summary>Where an owner's escalations go: their manager and a channel (a chat channel name or a webhook URL).</summary>
public sealed class DirectoryEntry
{
    public string? Manager { get; set; }

    public string? Channel { get; set; }
}

namespace LeadSync.Core.Admin;

/// <summary>One webhook source's connection. <see cref="Secret"/> is write-only: reads return <see cref="SecretSet"/> instead.</summary>
public sealed class SourceConnection
{
    public bool Enabled { get; set; } = true;

    /// <summary>The signing secret; null on read, and on write "keep the stored one".</summary>
    public string? Secret { get; set; }

    /// <summary>Read-only marker: a secret is stored.</summary>
    public bool SecretSet { get; set; }
}

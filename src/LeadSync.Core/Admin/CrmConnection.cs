namespace LeadSync.Core.Admin;

/// <summary>The CRM connection. <see cref="ClientSecret"/> is write-only: reads return <see cref="ClientSecretSet"/> instead.</summary>
public sealed class CrmConnection
{
    public string? Provider { get; set; }

    public string? BaseUrl { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Null on read, and on write "keep the stored one".</summary>
    public string? ClientSecret { get; set; }

    public bool ClientSecretSet { get; set; }
}

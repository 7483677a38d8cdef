namespace LeadSync.Testing.Crm;

/// <summary>A contact in the HubSpot stub.</summary>
public sealed class HubSpotContact(string id, string email)
{
    public string Id { get; } = id;

    public string Email { get; } = email;

    public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);

    public int Creates { get; set; }

    public int Updates { get; set; }
}

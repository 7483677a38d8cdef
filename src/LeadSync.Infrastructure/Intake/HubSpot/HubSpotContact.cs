namespace LeadSync.Infrastructure.Intake.HubSpot;

/// <summary>A CRM v3 contact: <c>{ "id": "…", "properties": { "email": "…", … } }</c>.</summary>
public sealed record HubSpotContact
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("properties")]
    public Dictionary<string, string?> Properties { get; init; } = [];
}

namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>A contact write: property name → value.</summary>
public sealed record HubSpotContactInput([property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string> Properties);

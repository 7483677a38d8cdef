namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>The part of a HubSpot contact LeadSync reads back: its record id.</summary>
public sealed record HubSpotContact([property: JsonPropertyName("id")] string? Id);

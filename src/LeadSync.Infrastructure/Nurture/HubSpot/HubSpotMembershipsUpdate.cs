namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>Lists v3 <c>MembershipsUpdateResponse</c> (the misspelt <c>recordsIdsAdded</c> is HubSpot's).</summary>
public sealed record HubSpotMembershipsUpdate(
    [property: JsonPropertyName("recordsIdsAdded")] IReadOnlyList<string>? Added,
    [property: JsonPropertyName("recordIdsMissing")] IReadOnlyList<string>? Missing,
    [property: JsonPropertyName("recordIdsRemoved")] IReadOnlyList<string>? Removed);

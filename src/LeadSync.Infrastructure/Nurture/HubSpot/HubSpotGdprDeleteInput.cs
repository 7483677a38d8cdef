namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>Body of HubSpot's GDPR delete by e-mail.</summary>
public sealed record HubSpotGdprDeleteInput(
    [property: JsonPropertyName("objectId")] string ObjectId,
    [property: JsonPropertyName("idProperty")] string IdProperty);

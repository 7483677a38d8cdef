namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>Body of HubSpot's GDPR delete: the contact id, or the e-mail with <c>idProperty = "email"</c>.</summary>
public sealed record HubSpotGdprDelete(
    [property: JsonPropertyName("objectId")] string ObjectId,
    [property: JsonPropertyName("idProperty"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdProperty);

namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>The identity service's client-credentials answer.</summary>
public sealed record MarketoToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

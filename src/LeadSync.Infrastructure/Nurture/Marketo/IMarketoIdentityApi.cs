namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>Marketo identity service: OAuth 2 client credentials.</summary>
public interface IMarketoIdentityApi
{
    [Get("/identity/oauth/token?grant_type=client_credentials")]
    Task<IApiResponse<MarketoToken>> TokenAsync(
        [AliasAs("client_id")] string clientId, [AliasAs("client_secret")] string clientSecret, CancellationToken cancellationToken);
}

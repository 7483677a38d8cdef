namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>OAuth 2.0 client-credentials token endpoint on the org's My Domain.</summary>
internal interface ISalesforceTokenApi
{
    [Post("/services/oauth2/token")]
    Task<IApiResponse<SalesforceToken>> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}

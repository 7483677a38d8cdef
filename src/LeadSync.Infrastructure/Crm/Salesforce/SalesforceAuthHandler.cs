namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// Adds the bearer token and, when Salesforce answers 401 (INVALID_SESSION_ID: expired or revoked session), renews the
/// token and resends the request once.
/// </summary>
internal sealed class SalesforceAuthHandler(SalesforceTokenCache tokens) : RenewingBearerHandler
{
    protected override async Task<(string? Token, HttpResponseMessage? Refusal)> AcquireAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        return token.AccessToken is null ? (null, Failure(request, token)) : (token.AccessToken, null);
    }

    protected override void Invalidate(string token) => tokens.Invalidate(token);

    /// <summary>A Salesforce-shaped error so the one response mapper classifies token failures too.</summary>
    private static HttpResponseMessage Failure(HttpRequestMessage request, SalesforceTokenResult token)
    {
        var body = JsonSerializer.Serialize(new[] { new { message = token.FailureReason, errorCode = "LEADSYNC_TOKEN_REQUEST_FAILED" } });
        return new HttpResponseMessage(token.FailureStatus)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }
}

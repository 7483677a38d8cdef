namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// Adds the bearer token and, when Salesforce answers 401 (INVALID_SESSION_ID: expired or revoked session), renews the
/// token and resends the request once.
/// </summary>
internal sealed class SalesforceAuthHandler(SalesforceTokenCache tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var token = await tokens.GetAsync(cancellationToken);
        if (token.AccessToken is null)
        {
            return Failure(request, token);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokens.Invalidate(token.AccessToken);
        var renewed = await tokens.GetAsync(cancellationToken);
        if (renewed.AccessToken is null)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        return await base.SendAsync(request, cancellationToken);
    }

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

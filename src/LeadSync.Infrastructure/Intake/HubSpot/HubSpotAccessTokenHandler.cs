namespace LeadSync.Infrastructure.Intake.HubSpot;

/// <summary>Adds the private-app access token as a bearer token.</summary>
public sealed class HubSpotAccessTokenHandler(IOptionsMonitor<HubSpotSourceOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

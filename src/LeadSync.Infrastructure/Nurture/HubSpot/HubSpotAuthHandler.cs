namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>Adds the private-app bearer token.</summary>
public sealed class HubSpotAuthHandler(IOptionsMonitor<NurtureOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.HubSpot.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}

namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>Private-app bearer token on every request.</summary>
internal sealed class HubSpotAuthHandler(IOptionsMonitor<HubSpotOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}

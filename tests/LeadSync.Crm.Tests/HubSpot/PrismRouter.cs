namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>
/// One HubSpot base URL, two published specs: sends requests whose path starts with <paramref name="pathPrefix"/> to
/// the Prism serving that spec (same path and query), the rest to the client's own base address.
/// </summary>
public sealed class PrismRouter(string pathPrefix, Uri target) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}

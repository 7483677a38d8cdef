namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>
/// Adds a bearer token from the identity service, cached until a minute before it expires. (Marketo tokens last about
/// an hour; asking again while one is valid returns the same token.)
/// </summary>
public sealed class MarketoAuthHandler(IMarketoIdentityApi identity, IOptionsMonitor<NurtureOptions> options, TimeProvider timeProvider) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || timeProvider.GetUtcNow() >= _expiresAt)
            {
                var settings = options.CurrentValue.Marketo;
                var response = await identity.TokenAsync(settings.ClientId!, settings.ClientSecret!, cancellationToken);
                if (!response.IsSuccessStatusCode || response.Content?.AccessToken is not { Length: > 0 } token)
                {
                    throw new HttpRequestException($"Marketo identity service answered {(int?)response.StatusCode} without a token.");
                }

                _token = token;
                _expiresAt = timeProvider.GetUtcNow().AddSeconds(Math.Max(0, response.Content.ExpiresIn - 60));
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}

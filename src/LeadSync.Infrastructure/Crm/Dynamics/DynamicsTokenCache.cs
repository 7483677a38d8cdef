namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>One token for the app; <see cref="TokenCredential"/> does the Entra call (ClientSecretCredential in production).</summary>
internal sealed class DynamicsTokenCache(TokenCredential credential, IOptionsMonitor<DynamicsOptions> options, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } raced)
            {
                return raced;
            }

            var org = options.CurrentValue.OrganizationUrl!.GetLeftPart(UriPartial.Authority);
            var token = await credential.GetTokenAsync(new TokenRequestContext([$"{org}/.default"]), cancellationToken);
            _token = token;
            return token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string rejected)
    {
        if (_token is { } t && string.Equals(t.Token, rejected, StringComparison.Ordinal))
        {
            _token = null;
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current() => _token is { } t && time.GetUtcNow() < t.ExpiresOn - RenewBefore ? t.Token : null;
}

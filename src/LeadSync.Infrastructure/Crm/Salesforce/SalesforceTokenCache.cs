namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// Holds one client-credentials access token for the whole app, renews it when its configured lifetime is over or a
/// call came back 401, and lets only one caller request a new one at a time.
/// </summary>
internal sealed class SalesforceTokenCache(ISalesforceTokenApi api, IOptionsMonitor<SalesforceOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    /// <summary>Number of tokens fetched from Salesforce; tests read it.</summary>
    public int Issued { get; private set; }

    public async Task<SalesforceTokenResult> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } cached)
        {
            return new SalesforceTokenResult(cached, HttpStatusCode.OK, null);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } raced)
            {
                return new SalesforceTokenResult(raced, HttpStatusCode.OK, null);
            }

            var o = options.CurrentValue;
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.ClientId,
                ["client_secret"] = o.ClientSecret,
            };
            using var response = await api.RequestTokenAsync(form, cancellationToken);
            if (!response.IsReceived)
            {
                return new SalesforceTokenResult(null, HttpStatusCode.ServiceUnavailable, "Salesforce token endpoint unreachable.");
            }

            if (!response.IsSuccessStatusCode || response.Content?.AccessToken is not { Length: > 0 } token)
            {
                var status = response.StatusCode is >= HttpStatusCode.InternalServerError ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Unauthorized;
                var error = CrmResponseMapper.ReadError(CrmProvider.Salesforce, (response.Error as Refit.ApiException)?.Content);
                return new SalesforceTokenResult(null, status,
                    $"Token request failed (HTTP {(int?)response.StatusCode}): {error.Code} {error.Message ?? response.Error?.Message}".TrimEnd());
            }

            _token = token;
            _expiresAt = IssuedAt(response.Content.IssuedAt) + o.TokenLifetime;
            Issued++;
            return new SalesforceTokenResult(token, HttpStatusCode.OK, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> unless another caller already replaced it.</summary>
    public void Invalidate(string rejected)
    {
        if (string.Equals(_token, rejected, StringComparison.Ordinal))
        {
            _token = null;
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current() => _token is { } t && time.GetUtcNow() < _expiresAt ? t : null;

    private DateTimeOffset IssuedAt(string? issuedAt)
    {
        var now = time.GetUtcNow();
        return long.TryParse(issuedAt, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            && DateTimeOffset.FromUnixTimeMilliseconds(ms) is var at && at <= now
            ? at
            : now;
    }
}

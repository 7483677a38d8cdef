namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// Adds a bearer token to each request. When the CRM answers 401 (an expired or revoked token), the token is dropped,
/// a fresh one fetched and the request resent once; its content is buffered first so it can be sent twice.
/// </summary>
internal abstract class RenewingBearerHandler : DelegatingHandler
{
    /// <summary>A token, or the answer to give instead when none can be had.</summary>
    protected abstract Task<(string? Token, HttpResponseMessage? Refusal)> AcquireAsync(
        HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Drops <paramref name="token"/> from the cache so the next acquisition fetches a fresh one.</summary>
    protected abstract void Invalidate(string token);

    protected sealed override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var (token, refusal) = await AcquireAsync(request, cancellationToken);
        if (token is null)
        {
            return refusal!;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        Invalidate(token);
        var (renewed, _) = await AcquireAsync(request, cancellationToken);
        if (renewed is null)
        {
            // No fresh token: the CRM's own 401 says best what went wrong.
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken);
    }
}

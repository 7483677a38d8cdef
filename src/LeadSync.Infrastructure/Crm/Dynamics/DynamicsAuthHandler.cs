namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>
/// Entra client-credentials bearer token for <c>{org}/.default</c>, cached until shortly before it expires; a 401 drops
/// the cached token and the request is resent once with a fresh one.
/// </summary>
internal sealed class DynamicsAuthHandler(DynamicsTokenCache tokens) : RenewingBearerHandler
{
    protected override async Task<(string? Token, HttpResponseMessage? Refusal)> AcquireAsync(
        HttpRequestMessage request, CancellationToken cancellationToken) =>
        (await tokens.GetAsync(cancellationToken), null);

    protected override void Invalidate(string token) => tokens.Invalidate(token);
}

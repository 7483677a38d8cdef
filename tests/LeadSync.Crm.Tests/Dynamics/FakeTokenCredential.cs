using Azure.Core;
using LeadSync.Testing.Crm;

namespace LeadSync.Crm.Tests.Dynamics;

/// <summary>
/// Stands in for Entra ID (ClientSecretCredential needs an HTTPS authority): hands out tokens the simulator accepts,
/// with a chosen lifetime, and records the scopes asked for.
/// </summary>
public sealed class FakeTokenCredential(DynamicsSimulator simulator, TimeSpan lifetime) : TokenCredential
{
    private int _issued;

    public int Issued => _issued;

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        Interlocked.Increment(ref _issued);
        var token = $"eyJ0eXAiOiJKV1Qi.{Guid.NewGuid():N}";
        simulator.AcceptToken(token);
        return ValueTask.FromResult(new AccessToken(token, DateTimeOffset.UtcNow + lifetime));
    }
}

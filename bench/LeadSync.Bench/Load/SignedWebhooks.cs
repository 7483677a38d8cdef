using System.Globalization;
using System.Net;
using LeadSync.Testing;

namespace LeadSync.Bench.Load;

/// <summary>
/// Sends signed generic (Standard Webhooks) lead deliveries, each with a fresh id and e-mail, as a marketing tool would;
/// every request is signed on its own, which is why the load client is C# rather than wrk.
/// </summary>
public sealed class SignedWebhooks(Uri baseUrl, string runTag) : IDisposable
{
    /// <summary>The local-only secret eng/run configures for the generic source.</summary>
    public const string LocalGenericSecret = "whsec_2InXGx/oeBP0ii3agsXgYylXH28ADvolLj6fWyUzMA0=";

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Uri _url = new(baseUrl, "api/webhooks/generic");

    public static string Email(string runTag, int n) => string.Create(CultureInfo.InvariantCulture, $"bench.{runTag}.{n}@example.com");

    /// <summary>The JSON body of lead <paramref name="n"/>.</summary>
    public static string Body(string runTag, int n) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"type":"lead.created","timestamp":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}}}","data":{"email":"{{{Email(runTag, n)}}}","firstName":"Ada","lastName":"Bench{{{n}}}","company":"Analytical Engines","country":"GB"}}""");

    /// <summary>Posts lead <paramref name="n"/>; true when the host accepted it (202).</summary>
    public async Task<bool> SendAsync(int n, CancellationToken cancellationToken)
    {
        var body = Body(runTag, n);
        using var request = StandardWebhookSigner.SignedPost(_url, LocalGenericSecret, body, id: $"msg_{runTag}_{n}");
        using var response = await _client.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    public void Dispose() => _client.Dispose();
}

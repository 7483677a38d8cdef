using System.Collections.Concurrent;
using LeadSync.Testing;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// R6's portable host (eng/run, all ten sources on). Before it starts, a first host runs with the
/// <see cref="AdminKeys.Revoked"/> key's hash configured as a second admin key and records that the key worked there;
/// R6's host runs without it — the key has been revoked (README "Creating and revoking admin keys").
/// </summary>
public sealed class SecurityHostFixture : IAsyncLifetime
{
    public PortableHostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>What <c>GET /api/admin/dashboard</c> answered the revoked key while it was still configured.</summary>
    public int RevokedKeyStatusBeforeRevocation { get; private set; }

    public ConcurrentBag<string> EmailsSent { get; } = [];

    /// <summary>Output of the host that still had the revoked key (scanned for secrets too).</summary>
    public IReadOnlyCollection<string> EarlierHostOutput { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var before = HostSettings.AllSources();
        before["LeadSync__Admin__ApiKeys__1"] = AdminKeys.Hash(AdminKeys.Revoked);
        await using (var earlier = await PortableHostProcess.StartAsync(before))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, earlier.Url("api/admin/dashboard"));
            request.Headers.Add("X-LeadSync-Admin-Key", AdminKeys.Revoked);
            using var response = await Client.SendAsync(request);
            RevokedKeyStatusBeforeRevocation = (int)response.StatusCode;
            EarlierHostOutput = earlier.Output;
        }

        Host = await PortableHostProcess.StartAsync(HostSettings.AllSources());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

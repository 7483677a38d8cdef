using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// A portable host of its own, started by eng/run with the README defaults, for admin changes that take effect
/// (qualification rules, source connections) and so must not change what the thin-path tests' host accepts.
/// </summary>
public sealed class AdminEffectHostFixture : IAsyncLifetime
{
    public PortableHostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() =>
        Host = await PortableHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["LeadSync__Host__MaxPollingInterval"] = "00:00:00.500",
        });

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

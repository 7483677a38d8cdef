using System.Collections.Concurrent;
using System.Diagnostics;
using LeadSync.Testing;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>One portable host (eng/run) with all ten sources on, shared by R5's per-source runs; remembers every e-mail sent.</summary>
public sealed class HostileHostFixture : IAsyncLifetime
{
    public PortableHostProcess Host { get; private set; } = null!;

    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(60) };

    public ConcurrentBag<string> EmailsSent { get; } = [];

    /// <summary>Every case whose 202 named a lead id, by that id, across all R5 tests on this host (see <see cref="HostileLeadCheck"/>).</summary>
    public ConcurrentDictionary<string, ConcurrentBag<HostileCase>> NamedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>True while the process eng/run started (and with it the host) is running.</summary>
    public bool HostAlive
    {
        get
        {
            try
            {
                using var process = Process.GetProcessById(Host.ProcessId);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    public async Task InitializeAsync() => Host = await PortableHostProcess.StartAsync(HostSettings.AllSources());

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LeadSync.Crm.Tests.Support;

namespace LeadSync.Crm.Tests.HubSpot;

/// <summary>
/// Starts Prism once per test class, serving HubSpot's published contacts v3 spec with <c>--errors</c> (a request the
/// spec rejects gets an error response and an <c>sl-violations</c> header) and <c>--dynamic</c> (the spec's examples are
/// null, so responses are generated from the schemas). Needs <c>npm ci</c> in the repository root.
/// </summary>
public class PrismFixture : IAsyncLifetime
{
    private Process? _prism;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The published HubSpot spec (in Fixtures/) Prism serves.</summary>
    protected virtual string SpecFile => "hubspot-contacts-v3.openapi.json";

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var prism = Path.Combine(root, "node_modules", ".bin", "prism");
        if (!File.Exists(prism))
        {
            throw new InvalidOperationException($"Prism is not installed: run `npm ci` in {root}.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo(prism)
        {
            ArgumentList = { "mock", Fixture.PathOf(SpecFile), "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", "--dynamic", "--seed", "leadsync" },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _prism = Process.Start(start) ?? throw new InvalidOperationException("Prism did not start.");
        _prism.OutputDataReceived += (_, _) => { };
        _prism.ErrorDataReceived += (_, _) => { };
        _prism.BeginOutputReadLine();
        _prism.BeginErrorReadLine();
        BaseUri = new Uri($"http://127.0.0.1:{port}");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_prism.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {_prism.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);

                // Someone else may have taken the port between FreePort() and Prism's bind; then Prism exits.
                await Task.Delay(300);
                if (_prism.HasExited)
                {
                    throw new InvalidOperationException($"Prism exited with code {_prism.ExitCode} (port {port} taken?).");
                }

                return;
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException("Prism did not listen within 90 s.");
    }

    public Task DisposeAsync()
    {
        if (_prism is { HasExited: false })
        {
            _prism.Kill(entireProcessTree: true);
            _prism.WaitForExit(10_000);
        }

        _prism?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "LeadSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (package.json + LeadSync.sln) not found.");
    }
}

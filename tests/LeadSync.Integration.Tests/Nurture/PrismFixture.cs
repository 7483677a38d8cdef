using System.Diagnostics;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>
/// Prism (from the repository's node_modules) mocking HubSpot Lists v3 from the vendor's published OpenAPI document, on
/// a free loopback port (start-up can take minutes on a loaded machine), with <c>--errors</c>: a request the document rejects gets a 4xx instead of a mock answer.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    private Process? _process;

    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var prism = RepoPaths.NodeBin("prism");
        if (!File.Exists(prism))
        {
            throw new InvalidOperationException($"Prism is not installed at {prism}: run npm ci in the repository root.");
        }

        var spec = Path.Combine(AppContext.BaseDirectory, "fixtures", "hubspot", "lists-v3.openapi.json");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", spec })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Prism did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromMinutes(5));
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }
}

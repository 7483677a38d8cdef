using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>
/// Prism (from the repository's node_modules) mocking HubSpot Lists v3 from the vendor's whole published OpenAPI
/// document (fixtures/hubspot, a verbatim copy of vendor/specs/hubspot), on a free loopback port. <c>--errors</c>: a
/// request the document rejects is answered with an error and listed in the <c>sl-violations</c> header;
/// <c>--dynamic</c> because the document's examples are all null.
/// <para>
/// Every path and schema is served as published except one thing: eight filter-branch schemas (the list-filter
/// tree used by list creation) reference each other in a cycle, and Prism's dereferencer (json-schema-ref-parser in
/// Prism 5.14.2, and 5.16.0 too) re-walks that expanded cycle without memoising it — it did not finish starting in
/// 10 minutes. The references among those eight schemas are replaced by an unconstrained schema (<c>{}</c>), which
/// only loosens nested filter branches of list creation; no operation LeadSync calls reaches them.
/// </para>
/// Startup is bounded (<see cref="StartupTimeout"/>, <c>LEADSYNC_PRISM_TIMEOUT</c> seconds to override) and
/// probed over HTTP; an early exit or a timeout fails with Prism's own output.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("LEADSYNC_PRISM_TIMEOUT"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 300);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The document Prism serves (for assertions that it is the whole published one).</summary>
    public JsonObject ServedDocument { get; private set; } = null!;

    public static string PublishedDocumentPath => Path.Combine(AppContext.BaseDirectory, "fixtures", "hubspot", "lists-v3.openapi.json");

    public async Task InitializeAsync()
    {
        var prism = RepoPaths.NodeBin("prism");
        if (!File.Exists(prism))
        {
            throw new InvalidOperationException($"Prism is not installed at {prism}: run npm ci in the repository root.");
        }

        ServedDocument = OpenApiCycles.Relax(JsonNode.Parse(await File.ReadAllTextAsync(PublishedDocumentPath))!.AsObject());
        var spec = Path.Combine(Path.GetTempPath(), $"leadsync-hubspot-lists-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(spec, ServedDocument.ToJsonString());
        var port = FreePort.Next();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "mock", "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--errors", "--dynamic", "--seed", "leadsync", spec })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Prism did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilReadyAsync(port);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Ready when Prism prints that it listens and answers HTTP; fails fast if it exits (e.g. port taken).</summary>
    private async Task WaitUntilReadyAsync(int port)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartupTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} while starting:\n{Tail()}");
            }

            if (_output.Any(line => line.Contains("Prism is listening", StringComparison.Ordinal)))
            {
                try
                {
                    using var probe = await http.GetAsync(new Uri("/crm/v3/lists/0", UriKind.Relative));
                    return;
                }
                catch (HttpRequestException ex) when (ex.InnerException is SocketException)
                {
                    // Listening was printed a moment before the socket accepts.
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Prism did not start on port {port} within {StartupTimeout.TotalSeconds:0} s (set LEADSYNC_PRISM_TIMEOUT to wait longer):\n{Tail()}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private string Tail() => string.Join('\n', _output.TakeLast(20));
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Nurture;

/// <summary>
/// Prism (from the repository's node_modules) mocking HubSpot Lists v3 from the vendor's published OpenAPI document, on
/// a free loopback port, with <c>--errors</c>: a request the document rejects is answered with an error and listed in
/// the <c>sl-violations</c> header. Prism is given the operations LeadSync calls, cut verbatim (with every component
/// they reference) from the full copy in fixtures/hubspot: started on the whole 230 KB document it did not finish
/// starting within minutes here. <c>--dynamic</c> because the document's examples are all null.
/// </summary>
public sealed partial class PrismFixture : IAsyncLifetime
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

        var spec = Path.Combine(Path.GetTempPath(), $"leadsync-hubspot-lists-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(spec, Cut(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "hubspot", "lists-v3.openapi.json")),
            ["/crm/v3/lists/{listId}/memberships/add"]));
        var port = FreePort.Next();
        var start = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors", "--dynamic", spec })
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

    /// <summary>The document with only <paramref name="paths"/> and the components they reference (transitively).</summary>
    public static string Cut(string document, IReadOnlyList<string> paths)
    {
        var full = JsonNode.Parse(document)!.AsObject();
        var components = full["components"]!.AsObject();
        var cut = new JsonObject();
        foreach (var (key, value) in full)
        {
            if (key is not ("paths" or "components"))
            {
                cut[key] = value?.DeepClone();
            }
        }

        var keptPaths = new JsonObject();
        foreach (var path in paths)
        {
            keptPaths[path] = full["paths"]![path]!.DeepClone();
        }

        var keptComponents = new JsonObject { ["securitySchemes"] = components["securitySchemes"]!.DeepClone() };
        var pending = new Queue<string>([keptPaths.ToJsonString()]);
        while (pending.TryDequeue(out var json))
        {
            foreach (Match m in ComponentRef().Matches(json))
            {
                var (kind, name) = (m.Groups[1].Value, m.Groups[2].Value);
                var bucket = keptComponents[kind] as JsonObject ?? (JsonObject)(keptComponents[kind] = new JsonObject());
                if (!bucket.ContainsKey(name))
                {
                    var node = components[kind]![name]!.DeepClone();
                    bucket[name] = node;
                    pending.Enqueue(node.ToJsonString());
                }
            }
        }

        cut["paths"] = keptPaths;
        cut["components"] = keptComponents;
        return cut.ToJsonString();
    }

    [GeneratedRegex("\"#/components/([^/\"]+)/([^\"]+)\"")]
    private static partial Regex ComponentRef();

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

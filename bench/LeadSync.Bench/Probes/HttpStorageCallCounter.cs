using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LeadSync.Testing;

namespace LeadSync.Bench.Probes;

/// <summary>
/// Counts the HTTP calls this process makes to storage (HttpClient's own diagnostics, so it sees what the Azure SDK
/// really sends), by method and target: <c>GET Leads (point)</c>, <c>GET DueIndex (query)</c>, <c>PUT LeadsByDay</c>,
/// <c>POST $batch</c> (an entity-group transaction; the table is inside the body), <c>POST queue notifications</c>…
/// </summary>
public sealed partial class HttpStorageCallCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly HttpRequestsSent _sent;
    private readonly string _queuePort;

    /// <param name="queueEndpointPort">The port of the queue service, to tell queue calls from table calls.</param>
    public HttpStorageCallCounter(int queueEndpointPort)
    {
        _queuePort = queueEndpointPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _sent = new HttpRequestsSent(OnSent);
    }

    public void Reset() => _counts.Clear();

    public long Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public string Describe() =>
        string.Join(", ", _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value:#,0}"));

    public void Dispose() => _sent.Dispose();

    private void OnSent(HttpRequestMessage request, HttpResponseMessage? response)
    {
        if (request.RequestUri is not { } uri)
        {
            return;
        }

        var status = response is null ? " (no answer)" : (int)response.StatusCode >= 300 ? $" ({(int)response.StatusCode})" : string.Empty;
        _counts.AddOrUpdate($"{request.Method} {Target(uri)}{status}", 1, (_, n) => n + 1);
    }

    private string Target(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : path;
        if (uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) == _queuePort)
        {
            return $"queue {resource}";
        }

        if (resource == "$batch")
        {
            return "$batch";
        }

        var match = EntityPath().Match(resource);
        return match.Success
            ? $"{match.Groups["table"].Value} ({(match.Groups["keys"].Value.Length > 0 ? "point" : "query")})"
            : resource;
    }

    [GeneratedRegex(@"^(?<table>[^(]+)\((?<keys>.*)\)$")]
    private static partial Regex EntityPath();
}

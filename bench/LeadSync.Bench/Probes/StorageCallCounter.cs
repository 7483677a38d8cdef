using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LeadSync.Bench.Probes;

/// <summary>
/// Counts the storage calls Azurite served, by kind (queue receive / delete / visibility update, table point read,
/// query, transaction, upsert…), from Azurite's access log (<see cref="LeadSync.Testing.AzuriteProcess.StartAsync"/>).
/// Batch transactions are counted as one call: the log line does not name their table.
/// </summary>
public sealed partial class StorageCallCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private volatile bool _enabled;

    /// <summary>Starts counting (lines before this are ignored, e.g. while seeding).</summary>
    public void Start()
    {
        _counts.Clear();
        _enabled = true;
    }

    public void Stop() => _enabled = false;

    public void OnAccessLogLine(string line)
    {
        if (_enabled && Kind(line) is { } kind)
        {
            _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }
    }

    public long Total => _counts.Values.Sum();

    public IReadOnlyList<KeyValuePair<string, long>> ByKind() =>
        [.. _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>"queue lead-sync delete", "table Leads point read", "table batch", … or null for a line that is no request.</summary>
    public static string? Kind(string line)
    {
        var m = RequestLine().Match(line);
        if (!m.Success)
        {
            return null;
        }

        var (method, path, query, status) = (m.Groups["method"].Value, m.Groups["path"].Value, m.Groups["query"].Value, m.Groups["status"].Value);
        var failed = status.Length > 0 && status[0] is '4' or '5' ? $" ({status})" : "";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return $"other {method}{failed}";
        }

        var resource = Uri.UnescapeDataString(parts[1]);
        if (parts.Length >= 3 && parts[2] == "messages")
        {
            var op = (method, parts.Length) switch
            {
                ("POST", 3) => "send",
                ("GET", 3) when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "peek",
                ("GET", 3) => "receive",
                ("DELETE", 4) => "delete",
                ("PUT", 4) => "update visibility",
                _ => method,
            };
            return $"queue {resource} {op}{failed}";
        }

        if (resource == "$batch")
        {
            return $"table batch (EGT){failed}";
        }

        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var table = paren < 0 ? resource : resource[..paren];
        var keyed = paren >= 0 && resource.Length > paren + 2;
        var tableOp = (method, keyed) switch
        {
            ("GET", true) => "point read",
            ("GET", false) => "query",
            ("PUT", true) => "upsert/replace",
            ("MERGE" or "PATCH", true) => "merge",
            ("DELETE", true) => "delete",
            ("POST", false) => table == "Tables" ? "create" : "insert",
            _ => method,
        };
        return parts.Length == 2 && paren < 0 && method == "PUT" ? $"queue {resource} create{failed}" : $"table {table} {tableOp}{failed}";
    }

    [GeneratedRegex("\"(?<method>[A-Z]+) (?<path>[^ ?]+)(\\?(?<query>[^ ]*))? HTTP/[0-9.]+\" (?<status>[0-9]{3})")]
    private static partial Regex RequestLine();
}

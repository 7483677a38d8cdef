using System.Collections.Concurrent;
using System.Diagnostics;
using LeadSync.Testing;

namespace LeadSync.Bench.Probes;

/// <summary>
/// Counts the storage requests LeadSync makes in this process (an <see cref="Hosting.InProcessPortableHost"/>) by
/// stage of a lead's way: <c>accept</c> (the webhook request), <c>file</c> (the inbox pump), <c>sync</c> (the
/// lead-sync queue and its consumer), <c>escalate</c> (the SLA sweep and the notification queue), <c>safety net</c>
/// (the re-drive job: lost hand-offs, sync hints left after their lead's sync), <c>other</c> (other timers, table creation). The stage comes from the activity the request runs under (ASP.NET Core's request, LeadSync's
/// <c>intake</c>, <c>process {queue}</c>, <c>job {name}</c>), or, outside any, from the table or queue it targets (the
/// inbox row removal after filing, the queue consumer's receives and deletes). Every HTTP attempt counts, retries too.
/// </summary>
public sealed class StageStorageCallCounter : IDisposable
{
    public static readonly IReadOnlyList<string> Stages = ["accept", "file", "sync", "escalate", "safety net", "other"];

    private readonly ConcurrentDictionary<string, long> _byStage = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly HttpRequestsSent _sent;
    private readonly HashSet<int> _storagePorts;
    private readonly ActivityListener _activities;

    public StageStorageCallCounter(params int[] storagePorts)
    {
        _storagePorts = [.. storagePorts];

        // Activities exist only while something listens; the host's OpenTelemetry does in production, this makes sure.
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "LeadSync" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_activities);
        _sent = new HttpRequestsSent(OnSent);
    }

    public long Count(string stage) => _byStage.GetValueOrDefault(stage);

    public long Total => _byStage.Values.Sum();

    /// <summary>"file: PUT DueIndex", "sync: DELETE queue lead-sync", … with counts, most first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByKind() =>
        [.. _byKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal)];

    public void Reset()
    {
        _byStage.Clear();
        _byKind.Clear();
    }

    public void Dispose()
    {
        _sent.Dispose();
        _activities.Dispose();
    }

    private void OnSent(HttpRequestMessage request, HttpResponseMessage? response)
    {
        if (request.RequestUri is not { } uri || !_storagePorts.Contains(uri.Port))
        {
            return;
        }

        var resource = Resource(uri);
        var stage = StageOf(Activity.Current, resource);
        _byStage.AddOrUpdate(stage, 1, (_, n) => n + 1);
        _byKind.AddOrUpdate($"{stage}: {request.Method} {resource}", 1, (_, n) => n + 1);
    }

    /// <summary>The stage of a storage request made under <paramref name="activity"/> to <paramref name="resource"/>.</summary>
    public static string StageOf(Activity? activity, string resource)
    {
        for (var a = activity; a is not null; a = a.Parent)
        {
            var name = a.OperationName;
            if (name == "Microsoft.AspNetCore.Hosting.HttpRequestIn")
            {
                return "accept";
            }

            if (name == "intake")
            {
                return "file";
            }

            if (name.StartsWith("process ", StringComparison.Ordinal))
            {
                return name.EndsWith("lead-sync", StringComparison.Ordinal) ? "sync" : name.EndsWith("lead-notify", StringComparison.Ordinal) ? "escalate" : "other";
            }

            if (name.StartsWith("job ", StringComparison.Ordinal))
            {
                return name.EndsWith("sla-sweep", StringComparison.Ordinal) ? "escalate" : name.EndsWith("redrive", StringComparison.Ordinal) ? "safety net" : "other";
            }
        }

        return resource switch
        {
            _ when resource.Contains("IntakeInbox", StringComparison.Ordinal) => "file",
            _ when resource.EndsWith("lead-sync", StringComparison.Ordinal) => "sync",
            _ when resource.EndsWith("lead-notify", StringComparison.Ordinal) => "escalate",
            _ => "other",
        };
    }

    /// <summary>The table (without keys) or <c>queue {name}</c> a request targets; <c>$batch</c> for a transaction.</summary>
    private static string Resource(Uri uri)
    {
        var segments = Uri.UnescapeDataString(uri.AbsolutePath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : string.Empty;
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? resource : resource[..paren];
        return segments.Length > 2 && segments[2] == "messages" ? $"queue {name}" : name;
    }
}

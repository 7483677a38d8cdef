using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// Counts the HTTP GETs this process sends for the lead rows of the given leads (<c>…Leads(PartitionKey='id',RowKey='lead')</c>),
/// seen through HttpClient's own diagnostics, so it counts what the Azure SDK really sends whatever code path sent it.
/// Counted per lead id, so tests running beside it (other ids) do not disturb a test's own count.
/// </summary>
internal sealed partial class LeadRowGets : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _allListeners;

    public LeadRowGets() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>GETs of the lead row of <paramref name="leadId"/> since this counter started.</summary>
    public int Of(string leadId) => _counts.GetValueOrDefault(leadId);

    public int Of(IEnumerable<string> leadIds) => leadIds.Sum(Of);

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.HttpRequestOut.Stop" || value.Value is null)
        {
            return;
        }

        var request = value.Value.GetType().GetProperty("Request")?.GetValue(value.Value) as HttpRequestMessage;
        if (request?.Method != HttpMethod.Get || request.RequestUri is not { } uri)
        {
            return;
        }

        if (LeadRow().Match(Uri.UnescapeDataString(uri.AbsolutePath)) is { Success: true } row)
        {
            _counts.AddOrUpdate(row.Groups["id"].Value, 1, (_, n) => n + 1);
        }
    }

    [GeneratedRegex(@"Leads\(PartitionKey='(?<id>[^']+)',RowKey='lead'\)$")]
    private static partial Regex LeadRow();

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LeadSync.Testing;

namespace LeadSync.Integration.Tests.Storage;

/// <summary>
/// Counts the HTTP GETs this process sends for the lead rows of the given leads (<c>…Leads(PartitionKey='id',RowKey='lead')</c>),
/// seen through HttpClient's own diagnostics, so it counts what the Azure SDK really sends whatever code path sent it.
/// Counted per lead id, so tests running beside it (other ids) do not disturb a test's own count.
/// </summary>
internal sealed partial class LeadRowGets : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HttpRequestsSent _sent;

    public LeadRowGets() => _sent = new HttpRequestsSent(OnSent);

    /// <summary>GETs of the lead row of <paramref name="leadId"/> since this counter started.</summary>
    public int Of(string leadId) => _counts.GetValueOrDefault(leadId);

    public int Of(IEnumerable<string> leadIds) => leadIds.Sum(Of);

    public void Dispose() => _sent.Dispose();

    private void OnSent(HttpRequestMessage request, HttpResponseMessage? response)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is not { } uri)
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
}

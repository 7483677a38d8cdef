using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LeadSync.Core.Telemetry;

namespace LeadSync.Bench.Probes;

/// <summary>
/// Listens to LeadSync's <c>leadsync.storage.entities_read</c> counter in this process and sums it by table and kind
/// (query rows or point reads), so a benchmark reports what the code under test actually read.
/// </summary>
public sealed class EntityReadCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Table, string Kind), long> _counts = new();

    public EntityReadCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LeadSyncTelemetry.Name && instrument.Name == "leadsync.storage.entities_read")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string table = "?", kind = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "table")
                {
                    table = tag.Value as string ?? "?";
                }
                else if (tag.Key == "kind")
                {
                    kind = tag.Value as string ?? "?";
                }
            }

            _counts.AddOrUpdate((table, kind), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public void Reset() => _counts.Clear();

    public long Count(string? table = null, string? kind = null) =>
        _counts.Where(c => (table is null || c.Key.Table == table) && (kind is null || c.Key.Kind == kind)).Sum(c => c.Value);

    public string Describe() =>
        string.Join(", ", _counts.OrderBy(c => c.Key.Table, StringComparer.Ordinal).ThenBy(c => c.Key.Kind, StringComparer.Ordinal)
            .Select(c => $"{c.Key.Table} {c.Key.Kind} {c.Value:#,0}"));

    public void Dispose() => _listener.Dispose();
}

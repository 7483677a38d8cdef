using System.Diagnostics.Metrics;
using LeadSync.Core.Telemetry;

namespace LeadSync.Integration.Tests.Crm;

/// <summary>Counts point reads of the Leads table (<c>leadsync.storage.entities_read</c>) while it is alive.</summary>
internal sealed class LeadPointReads : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public LeadPointReads()
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
            var (table, kind) = ((string?)null, (string?)null);
            foreach (var tag in tags)
            {
                table = tag.Key == "table" ? tag.Value as string : table;
                kind = tag.Key == "kind" ? tag.Value as string : kind;
            }

            if (table == "Leads" && kind == "point")
            {
                Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}

using System.Diagnostics;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The write side of the day rollups (<see cref="TableFunnelDays"/>): before a report-index row of a day is written,
/// the day's mark row in <c>ReportDays</c> is upserted, which gives it a new ETag (the stamp a rollup is checked
/// against) and a new service <c>Timestamp</c>. A rollup is trusted only while the mark is the one it was built after
/// and it was built at least <see cref="StorageClients.FunnelDaySettle"/> after the mark; so every index write must be
/// stored within half that time of its mark, or marks the day again once it is (a slow write).
/// </summary>
/// <remarks>
/// Under load one process marks a day at most once per quarter of the settle time: writes in between rely on the last
/// mark (its Timestamp is no earlier than the moment its upsert started, which is what they measure from). Marks of
/// one month share the coalescer's transaction, and repeated marks of one day queued together are one write. Elapsed
/// time is measured on the machine's monotonic clock, not the injected <see cref="TimeProvider"/>: it bounds real
/// storage round trips against the storage service's clock.
/// </remarks>
internal sealed class FunnelDayMarks(StorageClients clients)
{
    private const int MaxRemembered = 2048;
    private readonly ConcurrentDictionary<DateOnly, long> _markedAt = new();

    /// <summary>Marks <paramref name="day"/> unless this process did within a quarter of the settle time; the instant the write relies on.</summary>
    public async Task<long> BeforeWriteAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_markedAt.TryGetValue(day, out var at) && Stopwatch.GetElapsedTime(at) < clients.FunnelDaySettle / 4)
        {
            return at;
        }

        return await MarkAsync(day, cancellationToken);
    }

    /// <summary>After the index write that relied on the mark started at <paramref name="reliedOn"/>: marks again if it took too long.</summary>
    public async Task AfterWriteAsync(DateOnly day, long reliedOn)
    {
        if (Stopwatch.GetElapsedTime(reliedOn) >= clients.FunnelDaySettle / 2)
        {
            await MarkAsync(day, CancellationToken.None);
        }
    }

    /// <summary>Writes the mark of <paramref name="day"/>; the monotonic instant its upsert started.</summary>
    public async Task<long> MarkAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.ReportDays, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await clients.UpsertCoalescedAsync(table, TableFunnelDays.MarkEntity(day), cancellationToken);
        LeadSyncTelemetry.ReportDayMarks.Add(1);
        _markedAt.AddOrUpdate(day, started, (_, known) => Math.Max(known, started));
        if (_markedAt.Count > MaxRemembered)
        {
            foreach (var (old, when) in _markedAt.Where(p => Stopwatch.GetElapsedTime(p.Value) >= clients.FunnelDaySettle))
            {
                _markedAt.TryRemove(new KeyValuePair<DateOnly, long>(old, when));
            }
        }

        return started;
    }
}

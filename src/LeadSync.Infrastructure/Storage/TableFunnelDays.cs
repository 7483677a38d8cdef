namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Day rollups of the report index in table <c>ReportDays</c> (partition = month <c>yyyyMM</c>): per UTC day a mark row
/// <c>yyyyMMdd|m</c>, upserted before every index write of that day (<see cref="FunnelDayMarks"/>), and a rollup row
/// <c>yyyyMMdd|s</c> holding the day's <see cref="FunnelDay"/> (<see cref="FunnelDayCodec"/>), the mark's ETag it was
/// built after and the service time it was built at. A report reads the marks and rollups of its days with one range
/// query; a day whose rollup is missing, was built before the current mark, or within the settle time after it, is
/// rebuilt from its index rows (one range query per run of such days) and stored for the next report. So the figures
/// are always those of the index rows as they are now, and a report over settled days reads no index row at all.
/// </summary>
/// <remarks>
/// Why it is safe across processes: every index write is stored within half the settle time after a mark that came
/// before it (or marks again); a rollup is trusted only if its mark is still current and it was built (its rows query
/// started) at least the settle time after that mark, so no write relying on that mark or an earlier one can be missing
/// from it, and a later mark changes the ETag. Both instants come from the storage service's clock (the mark's
/// Timestamp, the Date of the response that read it), so the hosts' clocks play no part.
/// </remarks>
public sealed partial class TableFunnelDays(StorageClients clients, IFunnelIndex index, ILogger<TableFunnelDays> logger) : IFunnelDays
{
    /// <summary>A rollup larger than this (about 25,000 lead cycles in one day) is not stored; that day is read from its rows.</summary>
    public const int MaxRollupBytes = 900 * 1024;

    private const string DayFormat = "yyyyMMdd";
    private const string MarkSuffix = "|m";
    private const string RollupSuffix = "|s";

    public async Task<IReadOnlyList<FunnelDay>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.ReportDays, cancellationToken);
        var (marks, rollups, readAt) = await ReadRowsAsync(table, from, to, cancellationToken);
        var days = new List<FunnelDay>();
        var stale = new List<DateOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            marks.TryGetValue(day, out var mark);
            rollups.TryGetValue(day, out var rollup);
            if (mark is not null && rollup is not null && IsCurrent(rollup, mark) && Decode(day, rollup) is { } settled)
            {
                days.Add(settled);
            }
            else
            {
                stale.Add(day);
            }
        }

        var stores = new List<Task>();
        foreach (var run in Runs(stale))
        {
            var rows = await index.ReadAsync(run[0], run[^1], cancellationToken);
            var byDay = rows.ToLookup(r => r.Day);
            foreach (var day in run)
            {
                var rebuilt = FunnelDay.Of(day, byDay[day]);
                days.Add(rebuilt);
                stores.Add(StoreAsync(table, rebuilt, marks.GetValueOrDefault(day), readAt, cancellationToken));
            }
        }

        await Task.WhenAll(stores);

        days.Sort((a, b) => a.Day.CompareTo(b.Day));
        return days;
    }

    internal static TableEntity MarkEntity(DateOnly day) => new(Month(day), Key(day) + MarkSuffix);

    private bool IsCurrent(TableEntity rollup, TableEntity mark) =>
        rollup.GetString("Stamp") == mark.ETag.ToString()
        && rollup.GetDateTimeOffset("BuiltAt") is { } builtAt
        && mark.Timestamp is { } markedAt
        && builtAt >= markedAt + clients.FunnelDaySettle;

    private static FunnelDay? Decode(DateOnly day, TableEntity rollup) =>
        rollup.GetInt32("CellsChunks") is null ? null : FunnelDayCodec.Decode(day, ChunkedProperties.Get(rollup, "Cells", string.Empty));

    /// <summary>
    /// Stores the rollup when it can be trusted by a later report: built after the day's mark, at least the settle
    /// time after it. A day never marked (rows written before rollups existed) is marked now, so it settles.
    /// </summary>
    private async Task StoreAsync(TableClient table, FunnelDay day, TableEntity? mark, DateTimeOffset? readAt, CancellationToken cancellationToken)
    {
        if (mark is null)
        {
            await clients.DayMarks.MarkAsync(day.Day, cancellationToken);
            return;
        }

        if (readAt is not { } builtAt || mark.Timestamp is not { } markedAt || builtAt < markedAt + clients.FunnelDaySettle)
        {
            return;
        }

        var bytes = FunnelDayCodec.Encode(day);
        if (bytes.Length > MaxRollupBytes)
        {
            LogTooLarge(logger, day.Day, bytes.Length);
            return;
        }

        var entity = new TableEntity(Month(day.Day), Key(day.Day) + RollupSuffix)
        {
            ["Stamp"] = mark.ETag.ToString(),
            ["BuiltAt"] = builtAt,
            ["Cycles"] = day.Cells.Sum(c => c.Tally.Received),
        };
        ChunkedProperties.Put(entity, "Cells", bytes);

        // Unconditional: a rollup built after an older mark that lands last is simply not current, and is rebuilt.
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    /// <summary>The marks and rollups of the days, and the service time before any index row is read (the response's Date).</summary>
    private static async Task<(Dictionary<DateOnly, TableEntity> Marks, Dictionary<DateOnly, TableEntity> Rollups, DateTimeOffset? ReadAt)> ReadRowsAsync(
        TableClient table, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Month(from)} and PartitionKey le {Month(to)} and RowKey ge {Key(from)} and RowKey lt {Key(to.AddDays(1))}");
        return await StorageCall.RunAsync(async () =>
        {
            var marks = new Dictionary<DateOnly, TableEntity>();
            var rollups = new Dictionary<DateOnly, TableEntity>();
            DateTimeOffset? readAt = null;
            var count = 0;
            await foreach (var page in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages())
            {
                // The Date of the first page: the service's time before this read, so before any rows query that follows.
                readAt ??= page.GetRawResponse().Headers.Date;
                foreach (var row in page.Values)
                {
                    count++;
                    var day = DateOnly.ParseExact(row.RowKey.AsSpan(0, DayFormat.Length), DayFormat, CultureInfo.InvariantCulture);
                    (row.RowKey.EndsWith(MarkSuffix, StringComparison.Ordinal) ? marks : rollups)[day] = row;
                }
            }

            EntityReads.Add(TableNames.ReportDays, EntityReads.Query, count);
            return (marks, rollups, readAt);
        }, cancellationToken);
    }

    private static IEnumerable<List<DateOnly>> Runs(List<DateOnly> days)
    {
        var run = new List<DateOnly>();
        foreach (var day in days)
        {
            if (run.Count > 0 && run[^1].AddDays(1) != day)
            {
                yield return run;
                run = [];
            }

            run.Add(day);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static string Month(DateOnly day) => day.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string Key(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 7130, Level = LogLevel.Warning,
        Message = "Report rollup of {Day} not stored: {Bytes} bytes is over the limit; that day is read from its index rows")]
    private static partial void LogTooLarge(ILogger logger, DateOnly day, int bytes);
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The due index: partition <c>{kind}|{yyyyMMddHH}|{ssss}</c> (UTC hour of the due time; <c>ssss</c> = the due time's
/// second of the hour, <see cref="LeadShard.OfSecond"/>, four digits), row <c>{dueTicks}|{leadId}</c>. Hints due in
/// the same second share a partition, so the hints filed together (leads filed or synced at the same moment mostly fall
/// due together) share one transaction, and a partition never holds more than one second's hints (Azurite scans a
/// whole partition on every upsert). The partitions of an hour sort by due second, so a run reads them oldest first
/// with one partition-range query and stops when it has enough. A per-kind cursor remembers the oldest hour that may
/// still hold entries, so a run queries only the hours from the cursor to now and reads only entries that are due.
/// Hints filed (or removed one by one) while another write to their partition is in flight go together in one
/// entity-group transaction (<see cref="PartitionWriteCoalescer"/>).
/// </summary>
public sealed class TableDueIndex(StorageClients clients, TimeProvider timeProvider) : IDueIndex
{
    private const string CursorPartition = "cursor";
    private const string HourFormat = "yyyyMMddHH";

    /// <summary>Between an hour and its shard; every shard of the hour sorts between it and the next character.</summary>
    private const char ShardSeparator = '|';
    private const char AfterShardSeparator = (char)(ShardSeparator + 1);

    private readonly ConcurrentDictionary<DueKind, Lazy<Task>> _cursorEnsured = new();

    public async Task ScheduleAsync(DueItem item, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.DueIndex, cancellationToken);
        var now = timeProvider.GetUtcNow();
        await EnsureCursorAsync(table, item.Kind, now, cancellationToken);

        var entity = ToEntity(item, now);
        await clients.UpsertCoalescedAsync(table, entity, cancellationToken);
    }

    public async Task ScheduleAllAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var table = await clients.TableAsync(TableNames.DueIndex, cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var kind in items.Select(i => i.Kind).Distinct())
        {
            await EnsureCursorAsync(table, kind, now, cancellationToken);
        }

        // The coalescer that files single hints does the batching: one partition's rows share transactions of up to 100.
        await Task.WhenAll(items.Select(i => clients.UpsertCoalescedAsync(table, ToEntity(i, now), cancellationToken)));
    }

    public async Task RemoveAllAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var table = await clients.TableAsync(TableNames.DueIndex, cancellationToken);

        // The delete group commit does the batching (a partition's rows share transactions of up to 100) and copes with
        // rows a concurrent run removed first; a row named twice is deleted once.
        await Task.WhenAll(items.DistinctBy(i => (Located(i), RowKey(i)))
            .Select(i => clients.DeleteCoalescedAsync(table, Located(i), RowKey(i), cancellationToken)));
    }

    public async Task<IReadOnlyList<DueItem>> GetDueAsync(DueKind kind, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.DueIndex, cancellationToken);
        var currentHour = Hour(now);
        var cursor = await ReadCursorAsync(table, kind, cancellationToken) ?? currentHour.AddHours(-1);
        var upperRow = string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:D19}|~");
        var due = new List<DueItem>();
        DateTimeOffset? oldestNonEmpty = null;
        for (var hour = cursor; hour <= currentHour && due.Count < max; hour = hour.AddHours(1))
        {
            var wanted = max - due.Count;
            var found = (await QueryDueAsync(table, kind, hour, upperRow, now, wanted, cancellationToken))
                .OrderBy(row => row.RowKey, StringComparer.Ordinal).Select(row => row.Item).ToList();
            if (found.Count > 0)
            {
                oldestNonEmpty ??= hour;
                due.AddRange(found);
            }
        }

        // Hours before the oldest non-empty one are fully drained; never move past the previous hour (clock skew).
        var nextCursor = Min(oldestNonEmpty ?? currentHour, currentHour.AddHours(-1));
        if (nextCursor > cursor)
        {
            await WriteCursorAsync(table, kind, nextCursor, cancellationToken);
        }

        return due;
    }

    /// <summary>
    /// Due rows of one hour in one partition-range query over its shards: they come shard by shard, and the shards sort
    /// by due second, so the first <paramref name="max"/> are the oldest (a hint filed overdue sits under the hour it
    /// was filed in; it is due all the same). Shards written by earlier builds (by lead id or second modulo 8,
    /// <c>|0</c>…<c>|7</c>) fall in the same range.
    /// </summary>
    private static async Task<List<(string RowKey, DueItem Item)>> QueryDueAsync(
        TableClient table, DueKind kind, DateTimeOffset hour, string upperRow, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var prefix = HourPrefix(kind, hour);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {prefix + ShardSeparator} and PartitionKey lt {prefix + AfterShardSeparator} and RowKey le {upperRow}");
        var returned = 0;
        var found = await StorageCall.RunAsync(async () =>
        {
            var rows = new List<(string, DueItem)>();
            returned = 0;
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(1000, max), cancellationToken: cancellationToken))
            {
                returned++;
                rows.Add((row.RowKey, new DueItem(row.GetString("LeadId") ?? string.Empty, kind, row.GetDateTimeOffset("DueAt") ?? now) { Locator = row.PartitionKey }));
                if (rows.Count >= max)
                {
                    break;
                }
            }

            return rows;
        }, cancellationToken);
        EntityReads.Add(TableNames.DueIndex, EntityReads.Query, returned);
        return found;
    }

    public async Task RemoveAsync(DueItem item, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.DueIndex, cancellationToken);

        // Removals of one partition in flight together share a transaction: the syncs of a moment remove the hints
        // their leads were filed with together. A row already gone (a concurrent run removed it) is no error.
        await clients.DeleteCoalescedAsync(table, Located(item), RowKey(item), cancellationToken);
    }

    /// <summary>An item due in the past is filed under the current hour, which the cursor has not passed.</summary>
    private static TableEntity ToEntity(DueItem item, DateTimeOffset now) =>
        new(PartitionOf(item.Kind, item.DueAt > now ? item.DueAt : now, item.DueAt), RowKey(item))
        {
            ["LeadId"] = item.LeadId,
            ["DueAt"] = item.DueAt,
        };

    /// <summary>The hint may have been filed under a later hour than its due time (see ScheduleAsync): delete where it is.</summary>
    /// <remarks>
    /// A hint filed before shards followed the due second (by lead id) is not found here: it stays until a sweep reads it,
    /// finds nothing due on its lead and removes it, as with any stale hint.
    /// </remarks>
    private static string Located(DueItem item) => item.Locator ?? PartitionOf(item.Kind, item.DueAt, item.DueAt);

    /// <summary>
    /// The first hint of a kind starts its cursor at the current hour (once per process), so a sweep that runs
    /// long after the first hints were filed still finds them. Concurrent first hints share one attempt (hundreds of
    /// syncs finishing together would otherwise each try the insert and get a 409); a failed attempt is tried again.
    /// </summary>
    private async Task EnsureCursorAsync(TableClient table, DueKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempt = _cursorEnsured.GetOrAdd(kind, k => new Lazy<Task>(() => AddCursorAsync(table, k, now, CancellationToken.None)));
        try
        {
            await attempt.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (attempt.Value.IsFaulted || attempt.Value.IsCanceled)
        {
            _cursorEnsured.TryRemove(new KeyValuePair<DueKind, Lazy<Task>>(kind, attempt));
            throw;
        }
    }

    private static async Task AddCursorAsync(TableClient table, DueKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await StorageCall.RunAsync(
                () => table.AddEntityAsync(new TableEntity(CursorPartition, kind.ToString()) { ["Hour"] = Hour(now).AddHours(-1) }, cancellationToken),
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A cursor exists already.
        }
    }

    /// <summary>The partition a hint due at <paramref name="dueAt"/> is filed under when filed in the UTC hour of <paramref name="at"/>.</summary>
    public static string PartitionOf(DueKind kind, DateTimeOffset at, DateTimeOffset dueAt) =>
        Partition(kind, Hour(at), LeadShard.OfSecond(dueAt));

    private static string Partition(DueKind kind, DateTimeOffset hour, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{HourPrefix(kind, hour)}{ShardSeparator}{shard:D4}");

    private static string HourPrefix(DueKind kind, DateTimeOffset hour) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}|{hour.UtcDateTime.ToString(HourFormat, CultureInfo.InvariantCulture)}");

    private static string RowKey(DueItem item) => string.Create(CultureInfo.InvariantCulture, $"{item.DueAt.UtcTicks:D19}|{item.LeadId}");

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task<DateTimeOffset?> ReadCursorAsync(TableClient table, DueKind kind, CancellationToken cancellationToken)
    {
        var row = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, kind.ToString(), cancellationToken: cancellationToken),
            cancellationToken);
        EntityReads.Add(TableNames.DueIndex, EntityReads.Point, row.HasValue ? 1 : 0);
        return row.HasValue ? row.Value!.GetDateTimeOffset("Hour") : null;
    }

    private static Task WriteCursorAsync(TableClient table, DueKind kind, DateTimeOffset hour, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(
            () => table.UpsertEntityAsync(new TableEntity(CursorPartition, kind.ToString()) { ["Hour"] = hour }, TableUpdateMode.Replace, cancellationToken),
            cancellationToken);
}

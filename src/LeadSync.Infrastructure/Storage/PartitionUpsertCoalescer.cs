namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Group commit for upserts (replace) into one table: while a write to a partition is in flight, further upserts to
/// that partition queue, and go together in one entity-group transaction (up to 100 rows) when it ends. A lone upsert
/// goes at once as a plain upsert, so nothing ever waits for a batch to fill; under load many callers share one
/// round trip. Each caller's task ends when its own row is stored (or fails with its batch's error).
/// </summary>
/// <remarks>
/// Two upserts of the same row that queue together are written once, with the later one's values (as two upserts in
/// that order would leave it). A transaction is all or nothing, so a failure reaches every caller of that batch.
/// </remarks>
internal sealed class PartitionUpsertCoalescer(TableClient table)
{
    /// <summary>Entity-group transactions hold at most 100 operations.</summary>
    public const int MaxBatch = 100;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<PendingUpsert>> _waiting = new(StringComparer.Ordinal);

    public Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var pending = new PendingUpsert(entity);
        bool first;
        lock (_lock)
        {
            first = !_waiting.TryGetValue(entity.PartitionKey, out var queue);
            if (first)
            {
                // An empty list marks the partition as being written; the upserts that queue meanwhile go next.
                _waiting[entity.PartitionKey] = [];
            }
            else
            {
                queue!.Add(pending);
            }
        }

        if (first)
        {
            _ = Task.Run(() => WriteThenDrainAsync(entity.PartitionKey, [pending]), CancellationToken.None);
        }

        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteThenDrainAsync(string partition, List<PendingUpsert> batch)
    {
        while (batch.Count > 0)
        {
            await WriteAsync(batch);
            lock (_lock)
            {
                var queue = _waiting[partition];
                batch = TakeBatch(queue);
                if (batch.Count == 0)
                {
                    _waiting.Remove(partition);
                }
            }
        }
    }

    /// <summary>The oldest queued upserts holding at most <see cref="MaxBatch"/> distinct rows. Under the lock.</summary>
    private static List<PendingUpsert> TakeBatch(List<PendingUpsert> queue)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        while (taken < queue.Count && (rows.Count < MaxBatch || rows.Contains(queue[taken].Entity.RowKey)))
        {
            rows.Add(queue[taken].Entity.RowKey);
            taken++;
        }

        var batch = queue.GetRange(0, taken);
        queue.RemoveRange(0, taken);
        return batch;
    }

    private async Task WriteAsync(List<PendingUpsert> batch)
    {
        // The later upsert of a row wins, as it would have written last.
        var latest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            latest[pending.Entity.RowKey] = pending.Entity;
        }

        try
        {
            if (latest.Count == 1)
            {
                var entity = latest.Values.Single();
                await StorageCall.RunAsync(() => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, CancellationToken.None), CancellationToken.None);
            }
            else
            {
                var actions = latest.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
                await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, CancellationToken.None), CancellationToken.None);
            }

            foreach (var pending in batch)
            {
                pending.Stored.TrySetResult();
            }
        }
#pragma warning disable CA1031 // Whatever failed the write is every caller's outcome: each one rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(ex);
            }
        }
    }

    private sealed class PendingUpsert(TableEntity entity)
    {
        public TableEntity Entity { get; } = entity;

        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

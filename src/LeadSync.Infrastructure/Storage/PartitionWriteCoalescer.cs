namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Group commit for single-row writes of one kind (upsert-replace or delete) into one table: while a write to a
/// partition is in flight, further writes to that partition queue, and go together in one entity-group transaction (up
/// to 100 rows) when it ends. Under steady traffic the first write of a group also waits
/// <see cref="GroupCommitLinger"/> for company; an idle write goes at once as a plain single-row request, so nothing
/// ever waits for a batch to fill. Each caller's task ends when its own row is written (or fails with its batch's
/// error).
/// </summary>
/// <remarks>
/// Two writes of the same row that queue together are written once, with the later one's values (as two writes in
/// that order would leave it). A transaction is all or nothing, so a failure reaches every caller of that batch; a
/// delete of a row that is not there is the exception: that row is answered "missing" (false) and the rest submitted
/// again.
/// </remarks>
internal sealed class PartitionWriteCoalescer(TableClient table, TableTransactionActionType kind = TableTransactionActionType.UpsertReplace, TimeSpan linger = default)
{
    /// <summary>Entity-group transactions hold at most 100 operations.</summary>
    public const int MaxBatch = 100;

    /// <summary>Missing rows found by failed delete transactions before the rest of the batch is deleted one by one.</summary>
    private const int MissingBeforeSingles = 3;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<PendingWrite>> _waiting = new(StringComparer.Ordinal);
    private readonly GroupCommitLinger _linger = new(linger);

    /// <summary>Upserts (replace) <paramref name="entity"/>; for a coalescer of upserts.</summary>
    public Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken) => WriteAsync(entity, cancellationToken);

    /// <summary>Deletes the row whatever its ETag; false when it was not there. For a coalescer of deletes.</summary>
    public Task<bool> DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        WriteAsync(new TableEntity(partitionKey, rowKey), cancellationToken);

    private Task<bool> WriteAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(entity);
        bool first;
        lock (_lock)
        {
            first = !_waiting.TryGetValue(entity.PartitionKey, out var queue);
            if (first)
            {
                // The list marks the partition as being written; the writes that queue meanwhile go with it or next.
                _waiting[entity.PartitionKey] = [pending];
            }
            else
            {
                queue!.Add(pending);
            }
        }

        if (first)
        {
            _ = Task.Run(() => LingerThenWriteAsync(entity.PartitionKey), CancellationToken.None);
        }

        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task LingerThenWriteAsync(string partition)
    {
        await _linger.WaitAsync();
        while (true)
        {
            List<PendingWrite> batch;
            lock (_lock)
            {
                var queue = _waiting[partition];
                batch = TakeBatch(queue);
                if (batch.Count == 0)
                {
                    _waiting.Remove(partition);
                    return;
                }
            }

            await WriteBatchAsync(batch);
        }
    }

    /// <summary>The oldest queued writes holding at most <see cref="MaxBatch"/> distinct rows. Under the lock.</summary>
    private static List<PendingWrite> TakeBatch(List<PendingWrite> queue)
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

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        // The later write of a row wins, as it would have written last.
        var latest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var pending in batch)
        {
            latest[pending.Entity.RowKey] = pending.Entity;
        }

        try
        {
            var missing = await SubmitAsync([.. latest.Values]);
            foreach (var pending in batch)
            {
                pending.Written.TrySetResult(!missing.Contains(pending.Entity.RowKey));
            }
        }
#pragma warning disable CA1031 // Whatever failed the write is every caller's outcome: each one rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Written.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Writes the rows; returns the row keys of deletes that found no row. A transaction fails at its first missing
    /// row, so after <see cref="MissingBeforeSingles"/> of them the rest are deleted one by one (side by side): a batch
    /// of rows that are mostly gone costs one request each, not one shrinking transaction each.
    /// </summary>
    private async Task<HashSet<string>> SubmitAsync(List<TableEntity> rows)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        while (rows.Count > 0)
        {
            if (rows.Count == 1 || missing.Count >= MissingBeforeSingles)
            {
                var written = await Task.WhenAll(rows.Select(WriteOneAsync));
                missing.UnionWith(written.Where(w => w.Missing).Select(w => w.RowKey));
                return missing;
            }

            try
            {
                var actions = rows.Select(e => kind == TableTransactionActionType.Delete ? new TableTransactionAction(kind, e, ETag.All) : new TableTransactionAction(kind, e)).ToList();
                await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, CancellationToken.None), CancellationToken.None);
                return missing;
            }
            catch (TableTransactionFailedException ex) when (kind == TableTransactionActionType.Delete && ex.Status == 404 &&
                ex.FailedTransactionActionIndex is { } index && index >= 0 && index < rows.Count)
            {
                missing.Add(rows[index].RowKey);
                rows = [.. rows.Where((_, i) => i != index)];
            }
        }

        return missing;
    }

    private async Task<(string RowKey, bool Missing)> WriteOneAsync(TableEntity entity)
    {
        var response = await StorageCall.RunAsync(
            () => kind == TableTransactionActionType.Delete
                ? table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, CancellationToken.None)
                : table.UpsertEntityAsync(entity, TableUpdateMode.Replace, CancellationToken.None),
            CancellationToken.None);

        // The SDK answers a delete of a missing row with its 404 response instead of throwing.
        return (entity.RowKey, kind == TableTransactionActionType.Delete && response.Status == 404);
    }

    private sealed class PendingWrite(TableEntity entity)
    {
        public TableEntity Entity { get; } = entity;

        public TaskCompletionSource<bool> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

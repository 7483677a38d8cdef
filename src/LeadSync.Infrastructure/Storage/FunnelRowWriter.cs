using Azure.Data.Tables;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Group commit for report rows: a row is written at once when no write is in flight; rows that arrive while one is
/// (concurrent lead writes, e.g. a sweep escalating many leads) wait for it and then go together, as entity-group
/// transactions of up to 100 rows per partition (day). Each caller's task completes when its own row is stored, so a
/// caller sees the same guarantee as with a single upsert; a failed transaction fails the callers whose rows were in it.
/// </summary>
internal sealed class FunnelRowWriter(StorageClients clients)
{
    private const int PerTransaction = 100;

    private readonly Lock _gate = new();
    private List<PendingRow> _pending = [];
    private bool _flushing;

    public Task WriteAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var pending = new PendingRow(row, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool flush;
        lock (_gate)
        {
            _pending.Add(pending);
            flush = !_flushing;
            _flushing = true;
        }

        if (flush)
        {
            _ = FlushAsync();
        }

        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<PendingRow> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                (batch, _pending) = (_pending, []);
            }

            // Rows of one lead named twice: the later one is written (both callers complete with it).
            var groups = batch
                .GroupBy(p => p.Row.PartitionKey, StringComparer.Ordinal)
                .SelectMany(partition => partition.GroupBy(p => p.Row.RowKey, StringComparer.Ordinal).Chunk(PerTransaction));
            await Task.WhenAll(groups.Select(SubmitAsync));
        }
    }

    private async Task SubmitAsync(IGrouping<string, PendingRow>[] rows)
    {
        try
        {
            var table = await clients.TableAsync(TableNames.LeadsByDay, CancellationToken.None);
            var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Last().Row)).ToList();
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, CancellationToken.None), CancellationToken.None);
            foreach (var pending in rows.SelectMany(r => r))
            {
                pending.Stored.TrySetResult();
            }
        }
#pragma warning disable CA1031 // Every waiting caller gets the failure; none may be left waiting.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in rows.SelectMany(r => r))
            {
                pending.Stored.TrySetException(ex);
            }
        }
    }

    private sealed record PendingRow(TableEntity Row, TaskCompletionSource Stored);
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Items of one kind kept in one partition of one table, one row each: an add replaces, a read by row key answers
/// null when the row is missing, and an update is conditioned on the ETag the item was read with (false when another
/// writer got there first or the row is gone). Subclasses map items to entities and choose row keys.
/// </summary>
public abstract class SinglePartitionTable<T>(StorageClients clients, string table, string partition)
    where T : class
{
    protected string Partition { get; } = partition;

    protected Task<TableClient> TableAsync(CancellationToken cancellationToken) => clients.TableAsync(table, cancellationToken);

    protected abstract TableEntity ToEntity(T item);

    protected abstract T FromEntity(TableEntity row);

    protected async Task UpsertAsync(T item, CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        await StorageCall.RunAsync(() => client.UpsertEntityAsync(ToEntity(item), TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    protected async Task<T?> FindAsync(string rowKey, CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        var row = await StorageCall.RunAsync(() => client.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    protected async Task<bool> ReplaceIfUnchangedAsync(T item, string? etag, CancellationToken cancellationToken)
    {
        var client = await TableAsync(cancellationToken);
        try
        {
            await StorageCall.RunAsync(() => client.UpdateEntityAsync(ToEntity(item), new ETag(etag ?? "*"), TableUpdateMode.Replace, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }
}

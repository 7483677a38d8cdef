namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The sync backlog: messages in the lead-sync queue, visible or deferred (Azure's approximate count). One queue
/// properties read, no message touched.
/// </summary>
public sealed class SyncBacklog(StorageClients clients)
{
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        var queue = await clients.QueueAsync(QueueNames.LeadSync, cancellationToken);
        var properties = await StorageCall.RunAsync(() => queue.GetPropertiesAsync(cancellationToken), cancellationToken);
        return properties.Value.ApproximateMessagesCount;
    }
}

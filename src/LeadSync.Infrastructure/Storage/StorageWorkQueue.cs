using LeadSync.Core.Storage;

namespace LeadSync.Infrastructure.Storage;

/// <summary>Azure Storage Queues as the work queue (plain-text messages; host.json sets messageEncoding none).</summary>
public sealed class StorageWorkQueue(StorageClients clients) : IWorkQueue
{
    public async Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken)
    {
        var queue = await clients.QueueAsync(queueName, cancellationToken);
        await StorageCall.RunAsync(() => queue.SendMessageAsync(message, cancellationToken), cancellationToken);
    }
}

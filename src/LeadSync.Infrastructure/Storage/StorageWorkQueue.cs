using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Azure Storage Queues as the work queue (plain-text messages; host.json sets messageEncoding none). Each message
/// carries the enqueuing trace's traceparent (see <see cref="WorkMessage"/>).
/// </summary>
public sealed class StorageWorkQueue(StorageClients clients) : IWorkQueue
{
    public async Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken)
    {
        var queue = await clients.QueueAsync(queueName, cancellationToken);
        await StorageCall.RunAsync(() => queue.SendMessageAsync(WorkMessage.Wrap(message), cancellationToken), cancellationToken);
    }
}

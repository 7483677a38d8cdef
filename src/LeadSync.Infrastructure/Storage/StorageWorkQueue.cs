namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Azure Storage Queues as the work queue (plain-text messages; host.json sets messageEncoding none). Each message
/// carries the enqueuing trace's traceparent (see <see cref="WorkMessage"/>). Lead-sync hand-offs made while another
/// is being sent share one message (<see cref="QueueSendCoalescer"/>, <see cref="Core.Crm.LeadSyncMessage"/>), and so
/// do inbox deliveries handed to the <c>lead-file</c> queue (<see cref="Core.Intake.Inbox.InboxFileMessage"/>).
/// </summary>
public sealed class StorageWorkQueue : IWorkQueue
{
    private readonly StorageClients _clients;
    private readonly QueueSendCoalescer _leadSync;
    private readonly QueueSendCoalescer _inboxFile;

    public StorageWorkQueue(StorageClients clients)
    {
        _clients = clients;
        _leadSync = new QueueSendCoalescer(
            wrapped => SendAsync(QueueNames.LeadSync, wrapped, CancellationToken.None), LeadSyncMessage.Of, LeadSyncMessage.MaxLeads, clients.LeadSyncLinger);
        _inboxFile = new QueueSendCoalescer(
            wrapped => SendAsync(QueueNames.InboxFile, wrapped, CancellationToken.None), InboxFileMessage.Of, InboxFileMessage.MaxDeliveries); // The request path's hand-off: no linger.
    }

    public Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken) => queueName switch
    {
        QueueNames.LeadSync => _leadSync.EnqueueAsync(message, cancellationToken),
        QueueNames.InboxFile => _inboxFile.EnqueueAsync(message, cancellationToken),
        _ => SendAsync(queueName, WorkMessage.Wrap(message), cancellationToken),
    };

    private async Task SendAsync(string queueName, string wrapped, CancellationToken cancellationToken)
    {
        var queue = await _clients.QueueAsync(queueName, cancellationToken);
        await StorageCall.RunAsync(() => queue.SendMessageAsync(wrapped, cancellationToken), cancellationToken);
    }
}

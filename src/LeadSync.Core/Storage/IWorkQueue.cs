namespace LeadSync.Core.Storage;

/// <summary>A durable work queue (CRM sync, notifications) consumed off the request path.</summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken);
}

using LeadSync.Core.Storage;
using LeadSync.Web.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace LeadSync.Functions;

/// <summary>
/// The work queues (storage account of AzureWebJobsStorage). Retries, visibility timeout and the poison queue are
/// the host's (host.json, extensions.queues).
/// </summary>
public sealed class QueueFunctions(QueueWork work)
{
    [Function("lead-sync")]
    public Task SyncAsync(
        [QueueTrigger(QueueNames.LeadSync)] string message,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.LeadSync, message, cancellationToken);

    [Function("lead-notify")]
    public Task NotifyAsync(
        [QueueTrigger(QueueNames.Notifications)] string message,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.Notifications, message, cancellationToken);
}

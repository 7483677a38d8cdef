namespace LeadSync.Functions;

/// <summary>
/// The work queues (storage account of AzureWebJobsStorage). Retries, visibility timeout and the poison queue are
/// the host's (host.json, extensions.queues).
/// </summary>
public sealed class QueueFunctions(QueueWork work)
{
    [Function("lead-file")]
    public Task FileAsync(
        [QueueTrigger(QueueNames.InboxFile)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.InboxFile, message, dequeueCount, cancellationToken);

    [Function("lead-sync")]
    public Task SyncAsync(
        [QueueTrigger(QueueNames.LeadSync)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.LeadSync, message, dequeueCount, cancellationToken);

    [Function("lead-notify")]
    public Task NotifyAsync(
        [QueueTrigger(QueueNames.Notifications)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.Notifications, message, dequeueCount, cancellationToken);

    [Function("lead-enrich")]
    public Task EnrichAsync(
        [QueueTrigger(QueueNames.LeadEnrich)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.LeadEnrich, message, dequeueCount, cancellationToken);

    [Function("lead-erase")]
    public Task EraseAsync(
        [QueueTrigger(QueueNames.LeadErase)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.LeadErase, message, dequeueCount, cancellationToken);

    [Function("lead-nurture")]
    public Task NurtureAsync(
        [QueueTrigger(QueueNames.LeadNurture)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        work.RunFromTriggerAsync(QueueNames.LeadNurture, message, dequeueCount, cancellationToken);
}

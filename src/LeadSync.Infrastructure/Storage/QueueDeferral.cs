namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Hands a message back for later without counting a delivery: sends the same text again with an initial visibility
/// delay (the caller then completes the original). A retried message would come back with its dequeue count raised and
/// be poisoned after maxDequeueCount; a deferred one starts again at 1, however long the CRM pause.
/// </summary>
public sealed class QueueDeferral(StorageClients clients)
{
    /// <summary>Azure Storage queues allow an initial visibility of up to 7 days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <param name="rawMessage">The message text exactly as received (it keeps its trace context).</param>
    public async Task DeferAsync(string queueName, string rawMessage, TimeSpan delay, CancellationToken cancellationToken)
    {
        var queue = await clients.QueueAsync(queueName, cancellationToken);
        var visibility = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;

        // The message must outlive its delay: no expiry (-1 s), as the first send did by default for 7 days.
        await StorageCall.RunAsync(() => queue.SendMessageAsync(rawMessage, visibility, TimeSpan.FromSeconds(-1), cancellationToken), cancellationToken);
    }
}

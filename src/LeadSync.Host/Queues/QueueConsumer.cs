using LeadSync.Infrastructure.Storage;

namespace LeadSync.Portable.Queues;

/// <summary>
/// The portable host's consumer of the work queues, with the Functions queue trigger's semantics: a message is
/// hidden while handled (its visibility renewed every half <see cref="PortableHostOptions.VisibilityTimeout"/>), deleted when done, made visible again after a delay when it must be retried, and moved to
/// <c>{queue}-poison</c> after <see cref="PortableHostOptions.MaxDequeueCount"/> deliveries. Up to
/// <see cref="PortableHostOptions.MaxConcurrentMessages"/> messages per queue are handled at once, and the next batch is
/// fetched as soon as <see cref="PortableHostOptions.BatchSize"/> of them are done (host.json newBatchThreshold).
/// </summary>
public sealed partial class QueueConsumer(
    QueueWork work,
    StorageClients clients,
    QueueDeferral deferral,
    IOptions<PortableHostOptions> options,
    TimeProvider timeProvider,
    ILogger<QueueConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(QueueWork.Queues.Select(q => ConsumeAsync(q, stoppingToken)));

    private async Task ConsumeAsync(string queueName, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var capacity = settings.MaxConcurrentMessages;
        var batch = Math.Min(settings.BatchSize, capacity);
        using var slots = new SemaphoreSlim(capacity, capacity);
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            var held = 0;
            try
            {
                // Like the Functions host: fetch the next batch once in-flight messages drop to capacity − batch.
                for (; held < batch; held++)
                {
                    await slots.WaitAsync(stoppingToken);
                }

                // A paused CRM: leave the sync messages in the queue (no delivery counted) until the pause ends.
                if (await work.ClosedUntilAsync(queueName, stoppingToken) is { } closedUntil)
                {
                    slots.Release(held);
                    held = 0;
                    var wait = closedUntil - timeProvider.GetUtcNow();
                    await Task.Delay(wait < settings.MaxPollingInterval ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : settings.MaxPollingInterval, timeProvider, stoppingToken);
                    continue;
                }

                var queue = await clients.QueueAsync(queueName, stoppingToken);
                var messages = (await queue.ReceiveMessagesAsync(batch, settings.VisibilityTimeout, stoppingToken)).Value;
                foreach (var message in messages)
                {
                    held--;
                    _ = HandleThenReleaseAsync(queue, queueName, message, slots, stoppingToken);
                }

                if (messages.Length == 0)
                {
                    slots.Release(held);
                    held = 0;
                    idle = TimeSpan.FromMilliseconds(Math.Min(settings.MaxPollingInterval.TotalMilliseconds, idle.TotalMilliseconds * 2));
                    await Task.Delay(idle, timeProvider, stoppingToken);
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Storage outages and the like: log, back off, keep consuming.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, ex, queueName);
                await Task.Delay(settings.MaxPollingInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                if (held > 0)
                {
                    slots.Release(held);
                }
            }
        }

        // Shutting down: wait for the messages still being handled (they see the stopping token).
        for (var i = 0; i < capacity; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private async Task HandleThenReleaseAsync(QueueClient queue, string queueName, QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await HandleAsync(queue, queueName, message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the message becomes visible again after its visibility timeout.
        }
#pragma warning disable CA1031 // A failed poison move or delete: the message reappears after its visibility timeout.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandleFailed(logger, ex, queueName, message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task HandleAsync(QueueClient queue, string queueName, QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > options.Value.MaxDequeueCount)
        {
            var poison = await clients.QueueAsync(queueName + "-poison", stoppingToken);
            await poison.SendMessageAsync(message.MessageText, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            LogPoisoned(logger, queueName, message.MessageId);
            return;
        }

        // Hidden for as long as it is handled (a batch linger or a rate-limiter wait must not expose it), not just
        // for one visibility timeout.
        await using var lease = new MessageVisibilityLease(queue, message, options.Value.VisibilityTimeout, timeProvider);
        try
        {
            var outcome = await work.HandleAsync(queueName, message.MessageText, message.DequeueCount, stoppingToken);
            var popReceipt = await lease.StopAsync();
            if (outcome.Deferred)
            {
                // Sent again with the delay, then this delivery completes: the wait never counts toward MaxDequeueCount.
                await deferral.DeferAsync(queueName, message.MessageText, outcome.RetryAfter ?? TimeSpan.Zero, stoppingToken);
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, stoppingToken);
            }
            else if (outcome.Completed)
            {
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, stoppingToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: outcome.RetryAfter ?? TimeSpan.FromSeconds(30), cancellationToken: stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The message becomes visible again after its visibility timeout and is retried.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandleFailed(logger, ex, queueName, message.MessageId);
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed; backing off")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "Message {MessageId} of {Queue} moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Handling message {MessageId} of {Queue} failed; it will be retried")]
    private static partial void LogHandleFailed(ILogger logger, Exception exception, string queue, string messageId);
}

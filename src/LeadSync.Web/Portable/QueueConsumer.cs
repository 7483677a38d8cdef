using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadSync.Web.Portable;

/// <summary>
/// The portable host's consumer of the work queues, with the Functions queue trigger's semantics: a message is
/// hidden while handled, deleted when done, made visible again after a delay when it must be retried, and moved to
/// <c>{queue}-poison</c> after <see cref="PortableHostOptions.MaxDequeueCount"/> deliveries.
/// </summary>
public sealed partial class QueueConsumer(
    QueueWork work,
    StorageClients clients,
    IOptions<PortableHostOptions> options,
    TimeProvider timeProvider,
    ILogger<QueueConsumer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(QueueWork.Queues.Select(q => ConsumeAsync(q, stoppingToken)));

    private async Task ConsumeAsync(string queueName, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await clients.QueueAsync(queueName, stoppingToken);
                var messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.VisibilityTimeout, stoppingToken)).Value;
                if (messages.Length == 0)
                {
                    idle = TimeSpan.FromMilliseconds(Math.Min(settings.MaxPollingInterval.TotalMilliseconds, idle.TotalMilliseconds * 2));
                    await Task.Delay(idle, timeProvider, stoppingToken);
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(100);
                await Task.WhenAll(messages.Select(m => HandleAsync(queue, queueName, m, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Storage outages and the like: log, back off, keep consuming.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, ex, queueName);
                await Task.Delay(settings.MaxPollingInterval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
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

        try
        {
            var outcome = await work.HandleAsync(queueName, message.MessageText, message.DequeueCount, stoppingToken);
            if (outcome.Completed)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: outcome.RetryAfter ?? TimeSpan.FromSeconds(30), cancellationToken: stoppingToken);
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

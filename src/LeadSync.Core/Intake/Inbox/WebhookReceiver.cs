namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// The webhook request path: check the delivery (authenticate, parse), write it to the durable inbox — one storage
/// call — and hand it to the filer: this instance's <see cref="InboxPump"/> in memory, or, with
/// <see cref="InboxFilingMode.Queue"/>, the <c>lead-file</c> queue that any instance consumes. The sender's 202
/// follows the inbox write (and the queue hand-off); filing (dedupe, re-entry, qualification, CRM hand-off) happens
/// right after, off the request path.
/// </summary>
public sealed partial class WebhookReceiver(
    WebhookIntake intake,
    IIntakeInbox inbox,
    InboxPump pump,
    IWorkQueue queue,
    IOptions<IntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookReceiver> logger,
    WebhookRedactor redactor)
{
    /// <summary>
    /// The longest a 202 waits for the queue hand-off. Past it (or when the send fails) the delivery is still safe in
    /// the inbox and the <c>redrive</c> job files it once it is older than <see cref="IntakeOptions.InboxRecoverAfter"/>.
    /// </summary>
    private static readonly TimeSpan HandOffPatience = TimeSpan.FromSeconds(2);

    public async Task<IntakeCheck> ReceiveAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var check = await intake.CheckAsync(webhook, cancellationToken);
        if (!check.Passed || check.LeadIds.Count == 0)
        {
            return check;
        }

        // The inbox keeps the delivery without its credentials: the redaction the check parsed.
        var delivery = InboxDelivery.Arrived(check.Redacted ?? redactor.Redact(webhook), timeProvider.GetUtcNow());
        try
        {
            await inbox.AddAsync(delivery, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            LogStorageUnavailable(logger, webhook.Source);
            return IntakeCheck.Rejected(RejectionKind.StorageUnavailable, Rejection.StorageUnavailableDetail);
        }

        await HandOffAsync(delivery, cancellationToken);
        LogReceived(logger, webhook.Source, delivery.Id, check.LeadIds.Count);
        return check;
    }

    private async Task HandOffAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        if (options.Value.Filing != InboxFilingMode.Queue)
        {
            pump.Offer(delivery);
            return;
        }

        try
        {
            // Many deliveries share one message (the queue coalesces sends made while one is in flight).
            await queue.EnqueueAsync(QueueNames.InboxFile, delivery.Id, CancellationToken.None)
                .WaitAsync(HandOffPatience, timeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or TimeoutException)
        {
            LogHandOffFailed(logger, delivery.Webhook.Source, delivery.Id);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Stored {Source} delivery {DeliveryId} ({Leads} leads) in the inbox")]
    private static partial void LogReceived(ILogger logger, string source, string deliveryId, int leads);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Storage unavailable while storing a {Source} delivery; not acknowledged")]
    private static partial void LogStorageUnavailable(ILogger logger, string source);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "The {Source} delivery {DeliveryId} is stored but its lead-file message was not sent in time; the redrive job files it")]
    private static partial void LogHandOffFailed(ILogger logger, string source, string deliveryId);
}

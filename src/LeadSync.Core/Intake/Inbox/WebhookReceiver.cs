using LeadSync.Core.Intake.Redaction;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging;

namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// The webhook request path: check the delivery (authenticate, parse), write it to the durable inbox — one storage
/// call — and hand it to the <see cref="InboxPump"/>. The sender's 202 follows the inbox write; filing (dedupe,
/// re-entry, qualification, CRM hand-off) happens right after, off the request path.
/// </summary>
public sealed partial class WebhookReceiver(
    WebhookIntake intake,
    IIntakeInbox inbox,
    InboxPump pump,
    TimeProvider timeProvider,
    ILogger<WebhookReceiver> logger,
    WebhookRedactor redactor)
{
    public async Task<IntakeCheck> ReceiveAsync(InboundWebhook webhook, CancellationToken cancellationToken)
    {
        var check = await intake.CheckAsync(webhook, cancellationToken);
        if (!check.Passed || check.LeadIds.Count == 0)
        {
            return check;
        }

        // The inbox keeps the delivery without its credentials (the same redaction the check parsed).
        var delivery = InboxDelivery.Arrived(redactor.Redact(webhook), timeProvider.GetUtcNow());
        try
        {
            await inbox.AddAsync(delivery, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            LogStorageUnavailable(logger, webhook.Source);
            return IntakeCheck.Rejected(RejectionKind.StorageUnavailable, Rejection.StorageUnavailableDetail);
        }

        pump.Offer(delivery);
        LogReceived(logger, webhook.Source, delivery.Id, check.LeadIds.Count);
        return check;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Stored {Source} delivery {DeliveryId} ({Leads} leads) in the inbox")]
    private static partial void LogReceived(ILogger logger, string source, string deliveryId, int leads);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Storage unavailable while storing a {Source} delivery; not acknowledged")]
    private static partial void LogStorageUnavailable(ILogger logger, string source);
}

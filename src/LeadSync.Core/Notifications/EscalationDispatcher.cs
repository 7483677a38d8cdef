namespace LeadSync.Core.Notifications;

/// <summary>Delivers one escalation notice (from the notify queue) and marks it sent; retried until it is.</summary>
public sealed partial class EscalationDispatcher(
    INoticeStore notices,
    ILeadStore leads,
    INotifier notifier,
    IEscalationDirectory directory,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider timeProvider,
    ILogger<EscalationDispatcher> logger)
{
    /// <summary>Notices delivered at once from one queue message.</summary>
    private const int ConcurrentDeliveries = 8;

    /// <summary>
    /// Delivers every notice one queue message carries. The message is done when all are; otherwise it comes back after
    /// the shortest retry delay asked for, and only the notices still unsent are delivered again.
    /// </summary>
    public async Task<WorkOutcome> DispatchAllAsync(IReadOnlyList<NotifyMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 1)
        {
            return await DispatchAsync(messages[0], cancellationToken);
        }

        var outcomes = new WorkOutcome[messages.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentDeliveries, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await DispatchAsync(messages[i], ct));
        var retries = outcomes.Where(o => !o.Completed).ToList();
        return retries.Count == 0
            ? WorkOutcome.Done($"{outcomes.Length} notices handled")
            : WorkOutcome.Retry(retries.Min(o => o.RetryAfter ?? TimeSpan.Zero), $"{retries.Count} of {outcomes.Length} notices not delivered: {retries[0].Detail}");
    }

    public async Task<WorkOutcome> DispatchAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var notice = await notices.GetAsync(message.LeadId, message.Level, cancellationToken);
        var lead = notice is null ? null : await leads.GetAsync(message.LeadId, cancellationToken);
        if (notice is null || notice.IsSent || lead is null)
        {
            return WorkOutcome.Done("nothing to send");
        }

        var now = timeProvider.GetUtcNow();
        var settings = options.CurrentValue;
        var destination = directory.Resolve(notice.Recipient, lead.Owner);
        var person = ResponseLinks.RecipientOf(destination);
        var links = notice.IsFollowUp || string.IsNullOrEmpty(settings.AckSecret) || person is null
            ? null
            : ResponseLinks.Create(settings.PublicBaseUrl, notice.Id, notice.Cycle, now + settings.AckLinkLifetime, person, settings.AckSecret);
        var escalation = new EscalationMessage
        {
            NoticeId = notice.Id,
            LeadId = lead.Id,
            Level = notice.Level,
            Recipient = notice.Recipient,
            LeadName = lead.Contact.DisplayName,
            Company = lead.Contact.Company,
            Source = lead.Source,
            Owner = lead.Owner,
            ReceivedAt = lead.ReceivedAt,
            DeadlineAt = notice.DeadlineAt,
            Late = now - notice.DeadlineAt,
            LeadLink = new Uri(settings.PublicBaseUrl, $"api/leads/{lead.Id}"),
            Kind = notice.IsFollowUp ? EscalationMessage.FollowUpMissedKind : EscalationMessage.EscalationKind,
            Action = notice.Action,
            Destination = destination,
            Links = links,
            Cycle = notice.Cycle,
            AckLink = links is not null ? links.Acknowledge
                : notice.IsFollowUp || string.IsNullOrEmpty(settings.AckSecret) ? null
                : new Uri(settings.PublicBaseUrl, $"api/escalations/{Uri.EscapeDataString(notice.Id)}/ack?{AckSignature.Query(notice.Id, notice.Cycle, now + settings.AckLinkLifetime, settings.AckSecret)}"),
            Attempts = lead.ContactAttempts,
            CrmUnchecked = notice.CrmUnchecked,
            Manager = directory.ManagerOf(lead.Owner),
            Channel = destination.Channel,
        };
        var delivery = await notifier.SendAsync(escalation, cancellationToken);
        var settled = notice with
        {
            Attempts = notice.Attempts + 1,
            SentAt = delivery.Delivered ? now : null,
            DeliveredTo = delivery.Destination,
        };
        await notices.UpdateAsync(settled, cancellationToken);
        if (!delivery.Delivered)
        {
            LogDeliveryFailed(logger, notice.Id, delivery.Destination, delivery.Error ?? "unknown");
            var backoff = TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, notice.Attempts)));
            return WorkOutcome.Retry(delivery.RetryAfter ?? backoff, delivery.Error ?? "delivery failed");
        }

        LogDelivered(logger, notice.Id, delivery.Destination);
        return WorkOutcome.Done("delivered");
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Escalation {NoticeId} delivered to {Destination}")]
    private static partial void LogDelivered(ILogger logger, string noticeId, string destination);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Escalation {NoticeId} not delivered to {Destination}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string noticeId, string destination, string error);
}

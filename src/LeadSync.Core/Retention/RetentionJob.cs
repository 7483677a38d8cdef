namespace LeadSync.Core.Retention;

/// <summary>
/// The <c>retention</c> timer job: drops raw payloads, quarantined deliveries and outbox rows older than their
/// configured ages, and moves inbox rows that were never filed within <see cref="RetentionOptions.InboxAge"/> to the
/// quarantine, so an accepted delivery is never deleted unseen (an admin can replay it there). At most
/// <see cref="RetentionOptions.BatchSize"/> rows of each kind per run.
/// </summary>
public sealed partial class RetentionJob(
    IRetentionStore store,
    IIntakeInbox inbox,
    IQuarantineStore quarantine,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionJob> logger)
{
    public const string InboxExpiredReason = "inbox-expired";

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        var payloads = await store.PurgeRawPayloadsAsync(now - o.RawPayloadAge, o.BatchSize, cancellationToken);
        var quarantined = await store.PurgeQuarantineAsync(now - o.QuarantineAge, o.BatchSize, cancellationToken);
        var outbox = await store.PurgeOutboxAsync(now - o.OutboxAge, o.BatchSize, cancellationToken);
        var moved = await QuarantineStaleInboxAsync(now, o, cancellationToken);
        var acted = payloads + quarantined + outbox + moved;
        LogRun(logger, payloads, quarantined, outbox, moved);
        return new JobReport(JobNames.Retention, acted, acted, 0, 0);
    }

    /// <summary>Quarantine first, then remove: a crash between the two leaves a duplicate, never a loss (a replay dedupes by delivery id).</summary>
    private async Task<int> QuarantineStaleInboxAsync(DateTimeOffset now, RetentionOptions o, CancellationToken cancellationToken)
    {
        var stale = await inbox.ListAsync(now - o.InboxAge, o.BatchSize, cancellationToken);
        foreach (var delivery in stale)
        {
            var webhook = delivery.Webhook;
            await quarantine.AddAsync(new QuarantineItem
            {
                Id = QuarantineIdFor(delivery.Id, now),
                Source = webhook.Source,
                ReceivedAt = delivery.ReceivedAt,
                Reason = InboxExpiredReason,
                Errors = new Dictionary<string, string[]> { ["inbox"] = [$"Not filed within {o.InboxAge:c}; replay it once the cause is fixed."] },
                ContentType = webhook.ContentType,
                RequestUri = webhook.RequestUri,
                Body = webhook.Body.ToArray(),
                Headers = new Dictionary<string, string>(webhook.Headers, StringComparer.OrdinalIgnoreCase),
            }, cancellationToken);
            await inbox.RemoveAsync(delivery.Id, cancellationToken);
            LogInboxQuarantined(logger, delivery.Id, webhook.Source);
        }

        return stale.Count;
    }

    /// <summary>
    /// A quarantine id (<c>q_{ticks:D19}_{10 hex}</c>) stamped with the time of the move, so the quarantine age counts
    /// from there (an admin always gets the full quarantine age to replay it), the rest derived from the inbox id. A
    /// crash between the add and the remove can leave two items for one delivery; replaying both files one lead.
    /// </summary>
    public static string QuarantineIdFor(string inboxId, DateTimeOffset movedAt)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inboxId)))[..10];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"q_{movedAt.UtcTicks:D19}_{hash}");
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Retention run: {Payloads} raw payloads cleared, {Quarantine} quarantined deliveries and {Outbox} outbox rows deleted, {Inbox} stale inbox rows quarantined")]
    private static partial void LogRun(ILogger logger, int payloads, int quarantine, int outbox, int inbox);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Inbox row {InboxId} ({Source}) was never filed; moved to the quarantine for replay")]
    private static partial void LogInboxQuarantined(ILogger logger, string inboxId, string source);
}

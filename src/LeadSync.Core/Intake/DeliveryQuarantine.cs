namespace LeadSync.Core.Intake;

/// <summary>Puts an authentic delivery that cannot become a lead where an admin can replay it once the mapping is fixed.</summary>
internal sealed class DeliveryQuarantine(IQuarantineStore quarantine, WebhookRedactor redactor, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The answer names the quarantine id; a storage failure answers StorageUnavailable instead.</summary>
    public async Task<IntakeResult> QuarantineAsync(string sourceName, InboundWebhook webhook, Rejection rejection, CancellationToken cancellationToken)
    {
        webhook = redactor.Redact(webhook);
        var now = timeProvider.GetUtcNow();
        var id = $"q_{now.UtcTicks:D19}_{Guid.NewGuid():N}"[..32];
        try
        {
            await quarantine.AddAsync(new QuarantineItem
            {
                Id = id,
                Source = sourceName,
                ReceivedAt = now,
                Reason = rejection.Detail,
                Errors = rejection.Errors ?? new Dictionary<string, string[]>(),
                ContentType = webhook.ContentType,
                RequestUri = webhook.RequestUri,
                Body = webhook.Body.ToArray(),
                Headers = webhook.Headers,
            }, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            IntakeLog.StorageUnavailable(logger, sourceName);
            return IntakeResult.Rejected(RejectionKind.StorageUnavailable, Rejection.StorageUnavailableDetail);
        }

        var errors = new Dictionary<string, string[]>(rejection.Errors ?? new Dictionary<string, string[]>()) { ["quarantineId"] = [id] };
        return IntakeResult.Rejected(RejectionKind.Unprocessable, rejection.Detail + $" It was quarantined as {id}; an admin can replay it once the mapping is fixed.", errors);
    }
}

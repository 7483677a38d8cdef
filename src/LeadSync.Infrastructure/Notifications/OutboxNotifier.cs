namespace LeadSync.Infrastructure.Notifications;

/// <summary>
/// With no channel configured, escalations are kept in the <c>Outbox</c> table and written to the console log, so a
/// local run shows them without any external account.
/// </summary>
public sealed partial class OutboxNotifier(StorageClients clients, TimeProvider timeProvider, ILogger<OutboxNotifier> logger)
{
    public const string Destination = "outbox";

    public async Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Outbox, cancellationToken);
        var payload = EscalationPayload.From(message);
        var row = new TableEntity(message.LeadId, message.NoticeId)
        {
            ["Level"] = message.Level,
            ["Recipient"] = message.Recipient,
            ["Payload"] = JsonSerializer.Serialize(payload),
            ["StoredAt"] = timeProvider.GetUtcNow(),
        };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        LogEscalation(logger, message.LeadId, message.Level, message.Recipient, payload.MinutesLate, message.LeadLink);
        return DeliveryResult.To(Destination);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "ESCALATION level {Level} to {Recipient}: lead {LeadId} not contacted, {MinutesLate} min late — {LeadUrl} (stored in the Outbox table)")]
    private static partial void LogEscalation(ILogger logger, string leadId, int level, string recipient, int minutesLate, Uri leadUrl);
}

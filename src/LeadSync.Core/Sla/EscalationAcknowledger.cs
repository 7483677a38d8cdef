namespace LeadSync.Core.Sla;

/// <summary>
/// Acknowledges an escalation from its signed link: records who and when on the notice and the lead's timeline and
/// pauses the ladder for <see cref="SlaOptions.AckGrace"/>. The signature is checked by the endpoint.
/// </summary>
public sealed partial class EscalationAcknowledger(
    INoticeStore notices,
    LeadMutator mutator,
    IDueIndex dueIndex,
    ISlaPolicy policy,
    IOptionsMonitor<SlaOptions> options,
    TimeProvider timeProvider,
    ILogger<EscalationAcknowledger> logger)
{
    private const int MaxNoticeAttempts = 5;

    /// <summary>Acknowledges the notice of the lead's current cycle (admin and internal use; links name their cycle).</summary>
    public Task<AckResult> AcknowledgeAsync(string noticeId, string by, CancellationToken cancellationToken) =>
        AcknowledgeAsync(noticeId, cycle: null, by, cancellationToken);

    /// <summary>
    /// Acknowledges the notice <paramref name="noticeId"/> fired in <paramref name="cycle"/>: a link from an earlier
    /// cycle (the lead re-engaged since) is <see cref="AckStatus.Superseded"/> and changes nothing.
    /// </summary>
    public async Task<AckResult> AcknowledgeAsync(string noticeId, int? cycle, string by, CancellationToken cancellationToken)
    {
        if (!EscalationNotice.TryParseId(noticeId, out var leadId, out var level))
        {
            return new AckResult(AckStatus.UnknownNotice);
        }

        for (var attempt = 1; attempt <= MaxNoticeAttempts; attempt++)
        {
            var notice = await notices.GetAsync(leadId, level, cancellationToken);
            if (notice is null)
            {
                return new AckResult(AckStatus.UnknownNotice);
            }

            if (cycle is { } linked && linked != notice.Cycle)
            {
                return new AckResult(AckStatus.Superseded);
            }

            if (notice.AcknowledgedAt is { } earlier)
            {
                return new AckResult(AckStatus.AlreadyAcknowledged, notice.AcknowledgedBy, earlier);
            }

            var now = timeProvider.GetUtcNow();
            if (!await notices.UpdateAsync(notice with { AcknowledgedAt = now, AcknowledgedBy = by }, cancellationToken))
            {
                continue; // The dispatcher settled it meanwhile; read it again.
            }

            var written = await mutator.MutateAsync(leadId, lead => EscalationLadder.Acknowledge(lead, level, by, now, options.CurrentValue.AckGrace), cancellationToken);
            if (written?.Lead is { Status: LeadStatus.Synced } lead && lead.EscalationLevel < policy.LevelCount(lead))
            {
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Sla, EscalationLadder.DueAt(policy, lead, lead.EscalationLevel + 1)), cancellationToken);
            }

            LogAcknowledged(logger, leadId, level);
            return new AckResult(AckStatus.Acknowledged, by, now, written?.Lead.LadderPausedUntil);
        }

        throw new InvalidOperationException($"Notice {noticeId} kept changing while being acknowledged.");
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Lead {LeadId}: escalation level {Level} acknowledged; ladder paused")]
    private static partial void LogAcknowledged(ILogger logger, string leadId, int level);
}

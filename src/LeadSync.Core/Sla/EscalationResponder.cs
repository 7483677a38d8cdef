namespace LeadSync.Core.Sla;

/// <summary>
/// What a recipient does with an escalation, from a Slack button or a signed link: acknowledge (stops that level's clock
/// and pauses the ladder for the grace period), reassign (the same <see cref="LeadReassigner"/> as a <c>reassign</c> level:
/// routing's round-robin for a routed lead, else the CRM pool) or snooze (holds the next level back for <see cref="NotificationOptions.SnoozeFor"/>). <paramref name="by"/> is
/// always the proven recipient (the link's signed recipient, or the directory person behind the Slack user who
/// clicked); it is recorded on the lead's timeline. Who may act is checked by the caller.
/// </summary>
public sealed partial class EscalationResponder(
    EscalationAcknowledger acknowledger,
    INoticeStore notices,
    ILeadStore leads,
    LeadMutator mutator,
    IDueIndex dueIndex,
    ISlaPolicy policy,
    LeadReassigner reassigner,
    IOptionsMonitor<NotificationOptions> options,
    TimeProvider timeProvider,
    ILogger<EscalationResponder> logger)
{
    public async Task<EscalationResponse> RespondAsync(string noticeId, int? cycle, string action, string by, CancellationToken cancellationToken)
    {
        if (action == EscalationResponseActions.Acknowledge)
        {
            var ack = await acknowledger.AcknowledgeAsync(noticeId, cycle, by, cancellationToken);
            return ack.Status switch
            {
                AckStatus.Acknowledged => new(EscalationResponseStatus.Done,
                    $"Acknowledged by {ack.By}. The next escalation level waits until {ack.PausedUntil:u}.", ack.By, ack.At, ack.PausedUntil),
                AckStatus.AlreadyAcknowledged => new(EscalationResponseStatus.AlreadyDone,
                    $"Already acknowledged by {ack.By} at {ack.At:u}.", ack.By, ack.At),
                AckStatus.Superseded => Superseded(),
                _ => Unknown(),
            };
        }

        if (!EscalationNotice.TryParseId(noticeId, out var leadId, out var level) || await notices.GetAsync(leadId, level, cancellationToken) is not { } notice)
        {
            return Unknown();
        }

        if (cycle is { } linked && linked != notice.Cycle)
        {
            return Superseded();
        }

        return action == EscalationResponseActions.Snooze
            ? await SnoozeAsync(leadId, level, by, cancellationToken)
            : await ReassignAsync(leadId, level, by, cancellationToken);
    }

    private async Task<EscalationResponse> SnoozeAsync(string leadId, int level, string by, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var until = now + options.CurrentValue.SnoozeFor;
        var written = await mutator.MutateAsync(leadId, lead =>
        {
            if (!lead.IsOpen)
            {
                return null;
            }

            var paused = lead.LadderPausedUntil is { } earlier && earlier > until ? earlier : until;
            return new LeadChange(lead with { LadderPausedUntil = paused },
                [new TimelineEntry(now, by, LeadEvents.Snoozed, $"Level {level} snoozed by {by}; the next level waits until {paused:u}.")]);
        }, cancellationToken);
        if (written?.Lead is not { } snoozed)
        {
            return NotOpen();
        }

        if (snoozed.Status == LeadStatus.Synced && snoozed.EscalationLevel < policy.LevelCount(snoozed))
        {
            await dueIndex.ScheduleAsync(new DueItem(snoozed.Id, DueKind.Sla, EscalationLadder.DueAt(policy, snoozed, snoozed.EscalationLevel + 1)), cancellationToken);
        }

        LogResponded(logger, leadId, level, EscalationResponseActions.Snooze);
        return new(EscalationResponseStatus.Done, $"Snoozed by {by}. The next escalation level waits until {snoozed.LadderPausedUntil:u}.", by, now, snoozed.LadderPausedUntil);
    }

    private async Task<EscalationResponse> ReassignAsync(string leadId, int level, string by, CancellationToken cancellationToken)
    {
        if (await leads.GetAsync(leadId, cancellationToken) is not { IsOpen: true } lead)
        {
            return NotOpen();
        }

        var now = timeProvider.GetUtcNow();
        var result = await reassigner.ReassignAsync(lead, level, by, now, cancellationToken);
        LogResponded(logger, leadId, level, EscalationResponseActions.Reassign);
        return result.Outcome.Succeeded && result.NewOwner is { } newOwner
            ? new(EscalationResponseStatus.Done, $"Reassigned by {by} to {newOwner}.", by, now)
            : new(EscalationResponseStatus.Failed, $"The CRM did not reassign the lead ({result.Outcome.Kind}); the escalation goes on.", by, now);
    }

    private static EscalationResponse Unknown() => new(EscalationResponseStatus.UnknownNotice, "No escalation has this id.");

    private static EscalationResponse Superseded() => new(EscalationResponseStatus.Superseded,
        "The lead was re-engaged after this escalation; it belongs to an earlier cycle and changes nothing now.");

    private static EscalationResponse NotOpen() => new(EscalationResponseStatus.NotOpen, "The lead is no longer waiting for sales; nothing to do.");

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Lead {LeadId}: escalation level {Level} answered with {Action}")]
    private static partial void LogResponded(ILogger logger, string leadId, int level, string action);
}

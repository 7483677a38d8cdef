namespace LeadSync.Core.Jobs;

/// <summary>
/// The safety net: files inbox deliveries left unfiled by a crashed or scaled-in instance, re-enqueues CRM syncs and escalation notices whose queue messages were lost (a crash between
/// the durable write and the enqueue), so no lead waits forever, and re-files the SLA and recycle hints of leads it finds
/// already synced (a crash right after the sync's write). Idempotent: consumers ignore finished work. Each lead
/// it reads also gets its report row reconciled (<see cref="FunnelRowRepair"/>), so a row lost in a crash after the
/// lead's own write is rebuilt minutes later instead of missing from the report.
/// </summary>
public sealed partial class RedriveJob(
    IDueIndex dueIndex,
    ILeadStore store,
    INoticeStore notices,
    IWorkQueue queue,
    IOptionsMonitor<IntakeOptions> intakeOptions,
    IOptionsMonitor<Crm.CrmOptions> crmOptions,
    IOptionsMonitor<NotificationOptions> notificationOptions,
    TimeProvider timeProvider,
    ILogger<RedriveJob> logger,
    FunnelRowRepair reportRepair,
    ISlaPolicy slaPolicy,
    RecyclePolicy recyclePolicy,
    InboxPump inbox,
    Crm.Pause.CrmPauseGate crmPause,
    ILeadEmailIndex emailIndex)
{
    private const int BatchSize = 1000;

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var filed = await inbox.RecoverAsync(cancellationToken);
        var syncs = await dueIndex.GetDueAsync(DueKind.Sync, now, BatchSize, cancellationToken);
        var notifies = await dueIndex.GetDueAsync(DueKind.Notify, now, BatchSize, cancellationToken);
        var enrichments = await dueIndex.GetDueAsync(DueKind.Enrich, now, BatchSize, cancellationToken);
        var acted = 0;

        // While the CRM is paused nothing is re-enqueued: the waiting messages come back at the pause end by themselves,
        // and the hints are looked at again once it is over.
        var closedUntil = syncs.Count == 0 ? null : await crmPause.ClosedUntilAsync(cancellationToken);
        foreach (var hint in syncs)
        {
            var lead = await store.GetAsync(hint.LeadId, cancellationToken);
            await ReconcileReportAsync(lead, cancellationToken);

            // A dead-lettered lead (attempts used up) waits for an admin replay instead.
            if (lead?.Status == LeadStatus.SalesReady && lead.SyncAttempts < crmOptions.CurrentValue.MaxSyncAttempts && closedUntil is { } until)
            {
                await dueIndex.ScheduleAsync(hint with { DueAt = until + intakeOptions.CurrentValue.SyncSafetyNetDelay }, cancellationToken);
            }
            else if (lead?.Status == LeadStatus.SalesReady && lead.SyncAttempts < crmOptions.CurrentValue.MaxSyncAttempts)
            {
                await queue.EnqueueAsync(QueueNames.LeadSync, lead.Id, cancellationToken);
                await dueIndex.ScheduleAsync(hint with { DueAt = now + intakeOptions.CurrentValue.SyncSafetyNetDelay }, cancellationToken);
                acted++;
            }
            else if (lead?.Status == LeadStatus.Synced)
            {
                await RefileSyncedHintsAsync(lead, now, cancellationToken);
            }

            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        foreach (var hint in notifies)
        {
            var unsent = await notices.ListUnsentAsync(hint.LeadId, cancellationToken);
            foreach (var notice in unsent)
            {
                await queue.EnqueueAsync(QueueNames.Notifications, new NotifyMessage(notice.LeadId, notice.Level).Encode(), cancellationToken);
                acted++;
            }

            if (unsent.Count > 0)
            {
                await dueIndex.ScheduleAsync(hint with { DueAt = now + notificationOptions.CurrentValue.RedriveDelay }, cancellationToken);
            }

            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        foreach (var hint in enrichments)
        {
            var lead = await store.GetAsync(hint.LeadId, cancellationToken);
            await ReconcileReportAsync(lead, cancellationToken);
            if (lead is { Status: LeadStatus.Received, EnrichmentKey: not null } && now - lead.ReceivedAt < intakeOptions.CurrentValue.EnrichmentRedriveWindow)
            {
                await queue.EnqueueAsync(QueueNames.LeadEnrich, lead.Id, cancellationToken);
                await dueIndex.ScheduleAsync(hint with { DueAt = now + intakeOptions.CurrentValue.EnrichmentSafetyNetDelay }, cancellationToken);
                acted++;
            }
            else if (await HandOnEnrichedAsync(lead, cancellationToken))
            {
                acted++;
            }

            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        // Until every address stored before e-mail claims existed has its claim, filing looks each address up (two
        // calls); one pass that finds none missing enables the one-call claim. Then nothing: the process remembers it.
        var claims = await emailIndex.BackfillClaimsAsync(cancellationToken);
        if (claims > 0)
        {
            LogClaimsAdded(logger, claims);
        }

        var due = filed + syncs.Count + notifies.Count + enrichments.Count;
        acted += filed;
        var report = new JobReport(JobNames.Redrive, due, acted, due - acted, 0);
        LogRun(logger, report.Due, report.Acted);
        return report;
    }

    /// <summary>
    /// The sync writes the lead as Synced and then files its SLA and recycle hints; a crash between the two would leave a
    /// lead that is never swept or recycled. Filing them again is an upsert of the same rows, so it is safe when nothing
    /// was lost.
    /// </summary>
    private async Task RefileSyncedHintsAsync(Lead lead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var hint in SyncedLeadHints.For(lead, slaPolicy, recyclePolicy, now))
        {
            await dueIndex.ScheduleAsync(hint, cancellationToken);
        }
    }

    /// <summary>
    /// The enrichment writes the lead (sales-ready or for nurture) before it files the hand-off's hint and message, so a
    /// crash in between leaves a lead nothing hands on: its enrichment hint, read here, does. Handing on twice is
    /// harmless (the sync and the nurture hand-off skip what is done); a lead already synced or handed over gets nothing.
    /// </summary>
    private async Task<bool> HandOnEnrichedAsync(Lead? lead, CancellationToken cancellationToken)
    {
        var queueName = lead switch
        {
            { Status: LeadStatus.SalesReady } when lead.SyncAttempts < crmOptions.CurrentValue.MaxSyncAttempts => QueueNames.LeadSync,
            { Status: LeadStatus.Nurture, NurturePushedAt: null } => QueueNames.LeadNurture,
            _ => null,
        };
        if (queueName is null)
        {
            return false;
        }

        await queue.EnqueueAsync(queueName, lead!.Id, cancellationToken);
        return true;
    }

    private async Task ReconcileReportAsync(Lead? lead, CancellationToken cancellationToken)
    {
        if (lead is not null)
        {
            await reportRepair.RepairAsync(lead, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Re-drive run: {Due} hints due, {Acted} re-enqueued")]
    private static partial void LogRun(ILogger logger, int due, int acted);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Re-drive run: {Claims} e-mail index addresses stored before claims got their claim")]
    private static partial void LogClaimsAdded(ILogger logger, int claims);
}

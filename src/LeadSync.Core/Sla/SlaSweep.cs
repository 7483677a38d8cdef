namespace LeadSync.Core.Sla;

/// <summary>
/// The SLA sweep: reads only due leads from the due index, asks the CRM (batched) whether sales touched them,
/// records first touches (with the SLA result), and escalates the rest one level (reassigning or marking the lead
/// breached when the level says so); also checks the follow-up cadence of contacted leads whose window has ended. Each (lead, level) fires exactly once because the
/// escalation and its notice are one ETag-conditioned write (on the version the sweep read); safe to run concurrently.
/// Storage calls per escalated lead: its read and that write; its report row (grouped with concurrent ones by the
/// store), its queue message (many notices per message), the due-index hints (notice intents, next rungs, removals)
/// and the CRM's touch check are batched for the whole run.
/// </summary>
public sealed partial class SlaSweep(
    IDueIndex dueIndex,
    ILeadStore store,
    LeadMutator mutator,
    ICrmGateway crm,
    ISlaPolicy policy,
    IWorkQueue queue,
    IOptionsMonitor<SlaOptions> slaOptions,
    RecyclePolicy recyclePolicy,
    IOptionsMonitor<NotificationOptions> notificationOptions,
    TimeProvider timeProvider,
    ILogger<SlaSweep> logger,
    LeadReassigner reassigner,
    OwnerAvailability? availability = null)
{
    /// <summary>
    /// Due leads handled at once: bounds the storage and CRM calls in flight (about two per lead: its read and its
    /// write); enough to keep a single-core emulator busy (B4), few enough to stay well under a storage account's limits.
    /// </summary>
    public const int MaxConcurrentLeads = 32;

    /// <summary>Retry-After of a manual run whose CRM read failed when the CRM sent none: about one sweep interval.</summary>
    public static readonly TimeSpan CrmRetryAfter = TimeSpan.FromSeconds(60);

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (availability is not null)
        {
            await availability.WarmAsync(cancellationToken);
        }

        var sla = await SweepAsync(DueKind.Sla, LeadStatus.Synced, now, cancellationToken);
        var followUps = await SweepAsync(DueKind.FollowUp, LeadStatus.Contacted, now, cancellationToken);
        var report = new JobReport(JobNames.SlaSweep, sla.Due + followUps.Due, sla.Acted + followUps.Acted,
            sla.Skipped + followUps.Skipped, sla.Failed + followUps.Failed)
        {
            Deferred = sla.Deferred + followUps.Deferred,
            CrmUnavailable = sla.CrmUnavailable ?? followUps.CrmUnavailable,
            CrmRetryAfter = sla.CrmRetryAfter ?? followUps.CrmRetryAfter,
        };
        LogSwept(logger, report.Due, report.Acted, report.Failed);
        return report;
    }

    private async Task<JobReport> SweepAsync(DueKind kind, LeadStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await dueIndex.GetDueAsync(kind, now, slaOptions.CurrentValue.BatchSize, cancellationToken);
        var hintsByLead = due.GroupBy(d => d.LeadId).ToDictionary(g => g.Key, g => g.ToList());
        var leads = await LoadAsync([.. hintsByLead.Keys], cancellationToken);
        JobReport? cadence = null;
        if (kind == DueKind.FollowUp)
        {
            // Tiers with a cadence: checkpoints after the handoff (Synced or Contacted); the others keep the one-window check.
            var withCadence = leads.Where(l => l.Status is LeadStatus.Synced or LeadStatus.Contacted && policy.Cadence(l) is not null).ToList();
            if (withCadence.Count > 0)
            {
                var ids = withCadence.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
                cadence = await CadenceAsync(withCadence, [.. due.Where(d => ids.Contains(d.LeadId))], now, cancellationToken);
                leads = [.. leads.Where(l => !ids.Contains(l.Id))];
                hintsByLead = hintsByLead.Where(h => !ids.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value);
                due = [.. due.Where(d => !ids.Contains(d.LeadId))];
            }
        }

        var legacy = await SweepLoadedAsync(kind, status, due, hintsByLead, leads, now, cancellationToken);
        return cadence is null ? legacy : Combine(legacy, cadence);
    }

    private static JobReport Combine(JobReport a, JobReport b) =>
        new(JobNames.SlaSweep, a.Due + b.Due, a.Acted + b.Acted, a.Skipped + b.Skipped, a.Failed + b.Failed)
        {
            Deferred = a.Deferred + b.Deferred,
            CrmUnavailable = a.CrmUnavailable ?? b.CrmUnavailable,
            CrmRetryAfter = a.CrmRetryAfter ?? b.CrmRetryAfter,
        };

    private async Task<JobReport> SweepLoadedAsync(
        DueKind kind, LeadStatus status, IReadOnlyList<DueItem> due, Dictionary<string, List<DueItem>> hintsByLead, List<Lead> leads, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var open = leads.Where(l => l.Status == status).ToList();
        var (touches, crmFailure) = await ReadTouchesAsync(open, cancellationToken);
        var crmUnchecked = crmFailure is null ? null : crmFailure.Outcome?.Reason ?? crmFailure.Message;
        if (crmFailure is not null && kind == DueKind.FollowUp)
        {
            // Attempt counts unknown: a missed cadence cannot be told from an unread one. The hints stay for the next run.
            CrmDegradeTelemetry.EscalationsDeferred.Add(open.Count, new KeyValuePair<string, object?>("kind", "follow-up"));
            LogFollowUpsDeferred(logger, open.Count, crmUnchecked!);
            return new JobReport(JobNames.SlaSweep, due.Count, 0, hintsByLead.Count - open.Count, 0)
            {
                Deferred = open.Count,
                CrmUnavailable = crmUnchecked,
                CrmRetryAfter = crmFailure.Outcome?.RetryAfter ?? CrmRetryAfter,
            };
        }

        // Intent first, for every escalation this run is about to write (a few batched writes, before any of them): if a
        // notice's queue message is lost, the re-drive job finds the unsent notice.
        if (kind == DueKind.Sla)
        {
            var redriveAt = now + notificationOptions.CurrentValue.RedriveDelay;
            await dueIndex.ScheduleAllAsync(
                [.. open.Where(l => !IsTouched(touches.GetValueOrDefault(l.Id)) && EscalationLadder.Escalate(policy, l, now) is not null)
                    .Select(l => new DueItem(l.Id, DueKind.Notify, redriveAt))],
                cancellationToken);
        }

        // Leads are independent (each write is conditioned on its own ETag), so they are handled side by side.
        var failedLeads = new ConcurrentDictionary<string, bool>();
        var nextRungs = new ConcurrentBag<DueItem>();
        var raised = new ConcurrentBag<NotifyMessage>();
        var acted = await ForEachLeadAsync(open, failedLeads, async (lead, ct) =>
        {
            var touch = touches.GetValueOrDefault(lead.Id);
            return kind == DueKind.FollowUp
                ? await CheckFollowUpAsync(lead, touch?.Attempts ?? 0, now, ct)
                : IsTouched(touch)
                    ? await RecordTouchAsync(lead, touch!, now, ct)
                    : await EscalateAsync(lead, touch, crmUnchecked, now, raised, nextRungs, ct);
        }, cancellationToken);

        // The escalations' notices, many to a queue message (a crash before this is covered by the intents above); the
        // next rungs' hints before the removal of the hints that led here: a crash in between leaves the old hint, and
        // the next run files the next rung again. A hint that was just filed again is not removed.
        await HandOverAsync(raised, [.. nextRungs], hintsByLead.Where(h => !failedLeads.ContainsKey(h.Key)).SelectMany(h => h.Value), cancellationToken);
        var failed = failedLeads.Count;
        return new JobReport(JobNames.SlaSweep, due.Count, acted, hintsByLead.Count - acted - failed, failed)
        {
            CrmUnavailable = crmUnchecked,
            CrmRetryAfter = crmFailure is null ? null : crmFailure.Outcome?.RetryAfter ?? CrmRetryAfter,
        };
    }

    /// <summary>
    /// The cadence checks of one run: one batched activity read for all due leads (the adapter pages through it), then
    /// per lead one ETag-conditioned write of its new attempts, decided checkpoints and missed-checkpoint notices (a lost
    /// race re-reads and decides again, so a checkpoint escalates once). When the CRM cannot be read, attempts from
    /// native events still count and met checkpoints are recorded; misses wait, their hints stay, and the report says so.
    /// </summary>
    private async Task<JobReport> CadenceAsync(List<Lead> leads, List<DueItem> hints, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Dictionary<string, CrmAttempts> attempts = [];
        CrmReadException? crmFailure = null;
        try
        {
            attempts = (await crm.ReadAttemptsAsync(leads, cancellationToken)).GroupBy(a => a.LeadId).ToDictionary(g => g.Key, g => g.First());
        }
        catch (CrmReadException ex)
        {
            crmFailure = ex;
            LogCrmReadFailed(logger, leads.Count, ex.Outcome?.Reason ?? ex.Message);
        }

        var crmChecked = crmFailure is null;
        CadenceDecision Decide(Lead lead) => CadenceStep.Decide(policy, lead, CadenceAttemptSources.For(lead, attempts.GetValueOrDefault(lead.Id), now), now, crmChecked);

        // Intent first: a notice whose queue message is lost is found by the re-drive job.
        var redriveAt = now + notificationOptions.CurrentValue.RedriveDelay;
        await dueIndex.ScheduleAllAsync(
            [.. leads.Where(l => Decide(l).Change?.Notices.Count > 0).Select(l => new DueItem(l.Id, DueKind.Notify, redriveAt))], cancellationToken);

        var failedLeads = new ConcurrentDictionary<string, bool>();
        var next = new ConcurrentBag<DueItem>();
        var raised = new ConcurrentBag<NotifyMessage>();
        var acted = await ForEachLeadAsync(leads, failedLeads, async (lead, ct) =>
        {
            var written = await mutator.MutateAsync(lead, l => Decide(l).Change, ct);
            foreach (var notice in written?.Notices ?? [])
            {
                raised.Add(new NotifyMessage(notice.LeadId, notice.Level));
                LeadSyncTelemetry.Escalations.Add(1, new KeyValuePair<string, object?>("level", "cadence"));
                LogCheckpointMissed(logger, lead.Id, notice.Level - EscalationNotice.CadenceLevelBase + 1, notice.Recipient);
            }

            // No second read when nothing was written: if another run won the write, the loaded version's next
            // checkpoint is at worst the one just decided, filed for now, and the next run finds nothing to do.
            var latest = written?.Lead ?? lead;
            if (CadenceStep.NextDue(policy, latest) is { } dueAt && (crmChecked || dueAt > now))
            {
                next.Add(new DueItem(lead.Id, DueKind.FollowUp, dueAt > now ? dueAt : now));
            }

            return written is not null;
        }, cancellationToken);

        // A lead whose misses wait for the CRM keeps its hint (nothing new is filed for it); the others move on.
        var filed = next.ToList();
        var waiting = crmChecked ? [] : leads.Where(l => !filed.Any(f => f.LeadId == l.Id)).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        await HandOverAsync(raised, filed, hints.Where(h => !failedLeads.ContainsKey(h.LeadId) && !waiting.Contains(h.LeadId)), cancellationToken);
        if (!crmChecked)
        {
            CrmDegradeTelemetry.EscalationsDeferred.Add(waiting.Count, new KeyValuePair<string, object?>("kind", "cadence"));
            LogFollowUpsDeferred(logger, waiting.Count, crmFailure!.Outcome?.Reason ?? crmFailure.Message);
        }

        return new JobReport(JobNames.SlaSweep, hints.Count, acted, leads.Count - acted - failedLeads.Count, failedLeads.Count)
        {
            Deferred = waiting.Count,
            CrmUnavailable = crmFailure is null ? null : crmFailure.Outcome?.Reason ?? crmFailure.Message,
            CrmRetryAfter = crmFailure is null ? null : crmFailure.Outcome?.RetryAfter ?? CrmRetryAfter,
        };
    }

    /// <summary>
    /// Runs <paramref name="act"/> for each lead side by side; returns how many acted. One lead's failure is logged and
    /// marked in <paramref name="failedLeads"/> (its hint stays for the next run) and does not stop the others; a
    /// storage outage stops the run.
    /// </summary>
    private async Task<int> ForEachLeadAsync(
        IEnumerable<Lead> leads, ConcurrentDictionary<string, bool> failedLeads, Func<Lead, CancellationToken, Task<bool>> act,
        CancellationToken cancellationToken)
    {
        var acted = 0;
        await Parallel.ForEachAsync(leads, Concurrency(cancellationToken), async (lead, ct) =>
        {
            try
            {
                if (await act(lead, ct))
                {
                    Interlocked.Increment(ref acted);
                }
            }
            catch (StorageUnavailableException)
            {
                throw;
            }
#pragma warning disable CA1031 // One lead's failure must not stop the sweep; its hint stays and is retried next run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failedLeads[lead.Id] = true;
                LogLeadFailed(logger, ex, lead.Id);
            }
        });
        return acted;
    }

    /// <summary>
    /// The end of a pass, in crash-safe order: the raised notices to the queue (many to a message), then the hints
    /// <paramref name="filed"/> for what comes next, then the removal of the <paramref name="handled"/> hints — except
    /// one that was just filed again.
    /// </summary>
    private async Task HandOverAsync(
        IEnumerable<NotifyMessage> raised, List<DueItem> filed, IEnumerable<DueItem> handled, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(NotifyMessage.EncodeAll(raised), Concurrency(cancellationToken), async (message, ct) =>
            await queue.EnqueueAsync(QueueNames.Notifications, message, ct));
        await dueIndex.ScheduleAllAsync(filed, cancellationToken);
        var refiled = filed.Select(HintKey).ToHashSet();
        await dueIndex.RemoveAllAsync([.. handled.Where(h => !refiled.Contains(HintKey(h)))], cancellationToken);
    }

    /// <summary>
    /// The batched touch read. When the CRM does not answer, the sweep goes on with what LeadSync knows (README
    /// "Degrade, don't halt"): no touches, and the failure to say so on every escalation it raises.
    /// </summary>
    private async Task<(Dictionary<string, CrmTouch> Touches, CrmReadException? Failure)> ReadTouchesAsync(List<Lead> open, CancellationToken cancellationToken)
    {
        if (open.Count == 0)
        {
            return ([], null);
        }

        try
        {
            return ((await crm.GetTouchesAsync(open, cancellationToken)).GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => g.First()), null);
        }
        catch (CrmReadException ex)
        {
            LogCrmReadFailed(logger, open.Count, ex.Outcome?.Reason ?? ex.Message);
            return ([], ex);
        }
    }

    private static bool IsTouched(CrmTouch? touch) => touch is not null && touch.State != CrmLeadState.Untouched;

    private static (string LeadId, DueKind Kind, long DueTicks) HintKey(DueItem hint) => (hint.LeadId, hint.Kind, hint.DueAt.UtcTicks);

    private static ParallelOptions Concurrency(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MaxConcurrentLeads, CancellationToken = cancellationToken };

    private async Task<List<Lead>> LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new Lead?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), Concurrency(cancellationToken), async (i, ct) =>
            found[i] = await store.GetAsync(ids[i], ct));
        return [.. found.OfType<Lead>()];
    }

    private async Task<bool> RecordTouchAsync(Lead loaded, CrmTouch touch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = await mutator.MutateAsync(loaded, lead => SalesActivity.Decide(lead, touch, now, crm.Name) is { } change
            ? EscalationLadder.WithFirstTouchResult(policy, change with { Lead = change.Lead with { ContactAttempts = Math.Max(touch.Attempts, change.Lead.ContactAttempts) } })
            : null, cancellationToken);
        if (written?.Lead.Status == LeadStatus.Contacted)
        {
            if (recyclePolicy.NextCheckAt(written.Lead, now) is { } next)
            {
                await dueIndex.ScheduleAsync(new DueItem(loaded.Id, DueKind.Recycle, next), cancellationToken);
            }

            if (EscalationLadder.FollowUpWindowEnd(policy, written.Lead) is { } windowEnd)
            {
                await dueIndex.ScheduleAsync(new DueItem(loaded.Id, DueKind.FollowUp, windowEnd), cancellationToken);
            }
        }

        return written is not null;
    }

    private async Task<bool> CheckFollowUpAsync(Lead loaded, int attempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = await mutator.MutateAsync(loaded, lead => EscalationLadder.CheckFollowUp(policy, lead, attempts, now), cancellationToken);
        foreach (var notice in written?.Notices ?? [])
        {
            await dueIndex.ScheduleAsync(new DueItem(loaded.Id, DueKind.Notify, now + notificationOptions.CurrentValue.RedriveDelay), cancellationToken);
            await queue.EnqueueAsync(QueueNames.Notifications, new NotifyMessage(notice.LeadId, notice.Level).Encode(), cancellationToken);
            LogFollowUpMissed(logger, loaded.Id, attempts);
        }

        return written?.Notices.Count > 0;
    }

    /// <summary>
    /// Escalates the lead as loaded (the write is conditioned on that version's ETag; if the lead changed since, it is
    /// read again and decided again), adds the notice it raised to <paramref name="raised"/> (sent by the caller) and its
    /// next rung's hint to <paramref name="nextRungs"/>.
    /// </summary>
    private async Task<bool> EscalateAsync(
        Lead loaded, CrmTouch? touch, string? crmUnchecked, DateTimeOffset now, ConcurrentBag<NotifyMessage> raised, ConcurrentBag<DueItem> nextRungs,
        CancellationToken cancellationToken)
    {
        Func<string?, string?>? absence = availability is null ? null : owner => availability.Absence(owner, now);
        var written = await mutator.MutateAsync(loaded, lead => EscalationLadder.Escalate(policy, lead, now, absence) is { } change
            ? crmUnchecked is null ? change : UncheckedEscalation.Mark(change, crmUnchecked)
            : null, cancellationToken);
        foreach (var notice in written?.Notices ?? [])
        {
            if (notice.Action == EscalationActions.Reassign)
            {
                // Only the sweep whose write won gets here, so the CRM is asked once per (lead, level).
                await ReassignAsync(written!.Lead, notice.Level, touch, crmUnchecked, now, cancellationToken);
            }

            raised.Add(new NotifyMessage(notice.LeadId, notice.Level));
            LeadSyncTelemetry.Escalations.Add(1, new KeyValuePair<string, object?>("level", notice.Level));
            if (crmUnchecked is not null)
            {
                CrmDegradeTelemetry.EscalationsUnchecked.Add(1, new KeyValuePair<string, object?>("level", notice.Level));
            }

            LogEscalated(logger, notice.LeadId, notice.Level, notice.Recipient);
        }

        // Whether this run escalated or another one did, make sure the next rung has its wake-up hint: decided on what
        // this run wrote, on the loaded version when nothing was due on it, or on a fresh read when another write won.
        var latest = written?.Lead
            ?? (EscalationLadder.Escalate(policy, loaded, now) is null ? loaded : await store.GetAsync(loaded.Id, cancellationToken));
        if (latest is { Status: LeadStatus.Synced } && latest.EscalationLevel < policy.LevelCount(latest))
        {
            nextRungs.Add(new DueItem(latest.Id, DueKind.Sla, EscalationLadder.DueAt(policy, latest, latest.EscalationLevel + 1)));
        }

        return written is not null;
    }

    private async Task ReassignAsync(Lead lead, int level, CrmTouch? touch, string? crmUnchecked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (OwnerGuard.Skip(lead, level, touch, crmUnchecked, crm.Name, now) is { } skipped)
        {
            // Never overwrite an owner sales changed, and never write on a CRM state LeadSync could not read.
            await mutator.MutateAsync(lead, skipped, cancellationToken);
            LogReassigned(logger, lead.Id, level, false);
            return;
        }

        // A routed lead is reassigned by the same round-robin (its team, the current owner left out), else the CRM pool.
        var result = await reassigner.ReassignAsync(lead, level, by: null, now, cancellationToken);
        LogReassigned(logger, lead.Id, level, result.Outcome.Succeeded);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "SLA sweep: {Due} due, {Acted} acted on, {Failed} failed")]
    private static partial void LogSwept(ILogger logger, int due, int acted, int failed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Lead {LeadId} escalated to level {Level} ({Recipient})")]
    private static partial void LogEscalated(ILogger logger, string leadId, int level, string recipient);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Lead {LeadId}: reassign by the CRM succeeded: {Succeeded} (level {Level})")]
    private static partial void LogReassigned(ILogger logger, string leadId, int level, bool succeeded);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Lead {LeadId}: follow-up cadence missed with {Attempts} attempt(s)")]
    private static partial void LogFollowUpMissed(ILogger logger, string leadId, int attempts);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "SLA sweep: the CRM touch read for {Count} lead(s) failed ({Reason}); going on with what LeadSync knows")]
    private static partial void LogCrmReadFailed(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "SLA sweep: {Count} follow-up check(s) deferred, the CRM could not be read ({Reason})")]
    private static partial void LogFollowUpsDeferred(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Lead {LeadId}: cadence checkpoint {Checkpoint} missed; escalated to {Recipient}")]
    private static partial void LogCheckpointMissed(ILogger logger, string leadId, int checkpoint, string recipient);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "SLA sweep failed for lead {LeadId}; its hint is kept for the next run")]
    private static partial void LogLeadFailed(ILogger logger, Exception exception, string leadId);
}

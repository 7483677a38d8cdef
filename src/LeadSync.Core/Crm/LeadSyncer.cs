namespace LeadSync.Core.Crm;

/// <summary>
/// The CRM sync use case for one queue message: upsert a sales-ready lead, record the CRM id and owner, and start its
/// SLA clock. Idempotent: a lead that is no longer sales-ready is left alone. The upsert itself goes through
/// <see cref="CrmUpsertBatcher"/>, which coalesces concurrently handled messages into batch calls.
/// </summary>
public sealed partial class LeadSyncer(
    ICrmGateway crm,
    CrmUpsertBatcher batcher,
    LeadMutator mutator,
    ILeadStore store,
    IDueIndex dueIndex,
    ISlaPolicy slaPolicy,
    IDeadLetterStore deadLetters,
    IOptionsMonitor<CrmOptions> crmOptions,
    RecyclePolicy recyclePolicy,
    TimeProvider timeProvider,
    ILogger<LeadSyncer> logger,
    CrmPauseGate pauseGate,
    IOptionsMonitor<IntakeOptions> intakeOptions,
    LeadRouting? routing = null,
    IRecentLeadWrites? recentWrites = null,
    LeadErasure? erasure = null)
{
    /// <summary>Who the audit names for an erasure the sync completes.</summary>
    public const string ErasureActor = "system:lead-sync";

    public async Task<WorkOutcome> SyncAsync(string leadId, CancellationToken cancellationToken)
    {
        var lead = ToUpsert(recentWrites?.Find(leadId)) ?? await store.GetAsync(leadId, cancellationToken);
        if (lead is null || lead.Status != LeadStatus.SalesReady)
        {
            return WorkOutcome.Done(lead is null ? "unknown lead" : $"already {lead.Status}");
        }

        if (!lead.Contact.HasReachableChannel)
        {
            // Only an erased lead has neither e-mail nor phone here: syncing it would recreate the CRM record erasure deleted.
            return WorkOutcome.Done("personal data erased; not synced");
        }

        if (lead.SyncAttempts >= crmOptions.CurrentValue.MaxSyncAttempts)
        {
            return WorkOutcome.Done("dead-lettered; waiting for an admin replay");
        }

        // A paused connection: no call, and the message waits for the pause end without counting as a failure.
        if (await pauseGate.EnterAsync(cancellationToken) is { MayCall: false } closed)
        {
            SyncTelemetry.Calls.Add(1, new KeyValuePair<string, object?>("crm", crm.Name), new KeyValuePair<string, object?>("outcome", "deferred"));
            return WorkOutcome.Defer(closed.WaitUntil!.Value - timeProvider.GetUtcNow() + PauseEndSpread(leadId), $"{crm.Name} paused: {closed.Reason}");
        }

        // Routing at intake, once per lead before its first upsert: the owner it chooses goes to the CRM with the record.
        if (routing is not null)
        {
            lead = await routing.RouteAsync(lead, cancellationToken);
            if (lead.Status != LeadStatus.SalesReady)
            {
                return WorkOutcome.Done($"already {lead.Status}");
            }
        }

        // Concurrent messages share batch calls; this lead's own result comes back. The batcher reports each call to the gate.
        var result = await batcher.UpsertAsync(lead, cancellationToken);
        return result.Outcome.Succeeded
            ? await RecordSyncedAsync(lead, result, cancellationToken)
            : await RecordFailureAsync(lead, result.Outcome, cancellationToken);
    }

    /// <summary>
    /// The version this process has just written (filing a moment ago, usually), used instead of a read only when it
    /// would be upserted: what that decision records is written conditioned on its ETag (<see cref="RecordSyncedAsync"/>,
    /// or <see cref="RecordFailureAsync"/> for a refusal; a pause or an outage records nothing and the message comes
    /// back), which fails on a row another process or instance changed since, and the lead is then read and decided
    /// again (see <see cref="RecentLeadWrites"/> for why the upsert's own window stays within today's). Any other decision (already synced, erased, dead-lettered) writes nothing an ETag could check, so it is
    /// taken on a fresh read: a version held here never hides a lead another instance made sales-ready again.
    /// </summary>
    private Lead? ToUpsert(Lead? recent) =>
        recent is { Status: LeadStatus.SalesReady, Contact.HasReachableChannel: true } && recent.SyncAttempts < crmOptions.CurrentValue.MaxSyncAttempts
            ? recent
            : null;

    /// <summary>
    /// Up to 2 s after the pause end, spread by lead: the backlog does not land on the probe all in one instant (the
    /// probe's winner is decided by the store either way).
    /// </summary>
    private static TimeSpan PauseEndSpread(string leadId) =>
        TimeSpan.FromMilliseconds((uint)StringComparer.Ordinal.GetHashCode(leadId) % 2000);

    /// <summary>Decides on the version read before the upsert (no second read); its ETag guards the write.</summary>
    private async Task<WorkOutcome> RecordSyncedAsync(Lead read, CrmUpsertResult result, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var erasedMeanwhile = false;
        var written = await mutator.MutateAsync(read, lead =>
        {
            if (!lead.Contact.HasReachableChannel)
            {
                // Erased while the upsert was in flight: the erasure found no CRM record to delete, and the upsert has
                // just created one from the data read before. Nothing is recorded on the lead; the record is deleted.
                erasedMeanwhile = true;
                return null;
            }

            if (lead.Status != LeadStatus.SalesReady)
            {
                // A CRM event got here first (the CRM answered, then sales acted before this write): the lead has
                // moved on and must not go back to Synced; only the record id and owner of the answer are added.
                return LateSyncResult.Record(lead, read, result, now, crm.Name);
            }

            var change = LeadLifecycle.Transition(lead, LeadStatus.Synced, now, crm.Name,
                $"Upserted into {crm.Name} as {result.CrmId}" + (result.Owner is null ? "." : $", owner {result.Owner}."));
            var synced = change.Lead with { CrmId = result.CrmId, Owner = result.Owner ?? lead.Owner, SyncedAt = now, SyncAttempts = lead.SyncAttempts + 1 };
            synced = synced with { SlaDueAt = slaPolicy.FirstTouchDeadline(synced) };
            return change with { Lead = synced };
        }, cancellationToken);

        if (erasedMeanwhile)
        {
            return await EraseLateRecordAsync(read, result, cancellationToken);
        }

        if (written is null)
        {
            return WorkOutcome.Done("lead changed meanwhile");
        }

        if (written.Lead.Status != LeadStatus.Synced)
        {
            return WorkOutcome.Done($"already {written.Lead.Status}; upsert answer recorded");
        }

        var lead = written.Lead;
        // The hints live in different partitions (kind and hour): filed at once, each joins the other syncs' hints
        // of its partition in the index's next write.
        await Task.WhenAll(SyncedLeadHints.For(lead, slaPolicy, recyclePolicy, now).Select(hint => dueIndex.ScheduleAsync(hint, cancellationToken)));

        // Only now is the hand-off complete (a crash before the hints above leaves the safety net to file them): the
        // hint filed with the lead goes, so the re-drive does not read the lead again minutes later.
        // The hint was filed when the lead became sales-ready: the version read before the upsert names it.
        await HandOffSafetyNet.RemoveAsync(dueIndex, HandOffSafetyNet.Filed(read, intakeOptions.CurrentValue.SyncSafetyNetDelay), now, cancellationToken);
        LeadSyncTelemetry.LeadsSynced.Add(1, new KeyValuePair<string, object?>("crm", crm.Name));
        SyncTelemetry.SyncLag.Record(Math.Max(0, (now - read.StatusChangedAt).TotalSeconds), new KeyValuePair<string, object?>("crm", crm.Name));
        LogSynced(logger, lead.Id, crm.Name);
        return WorkOutcome.Done("synced");
    }

    /// <summary>
    /// The CRM record an upsert created for a lead erased meanwhile goes through the erasure path again (audited, and
    /// retried there while the CRM does not answer), by the record id and the e-mail the upsert sent.
    /// </summary>
    private async Task<WorkOutcome> EraseLateRecordAsync(Lead read, CrmUpsertResult result, CancellationToken cancellationToken)
    {
        LogErasedDuringUpsert(logger, read.Id, crm.Name);
        if (erasure is null)
        {
            return WorkOutcome.Done("erased while the upsert was in flight");
        }

        var request = new ErasureRequest(null, read.Id, ErasureActor, "The lead was erased while its CRM upsert was in flight; the record the upsert created is deleted.")
        {
            LateCrmRecord = new ErasureIdentity(read.Id, read.Contact.Email, result.CrmId),
        };
        var record = await erasure.RequestAsync(request, cancellationToken);
        return WorkOutcome.Done(record.IsPending ? "erased meanwhile; CRM record deletion pending" : "erased meanwhile; CRM record deleted");
    }

    /// <summary>
    /// Only the CRM's refusals of this lead use up attempts (<see cref="CrmFailureClass"/>): a permanent refusal is
    /// dead-lettered at once, a retryable one after <see cref="CrmOptions.MaxSyncAttempts"/>. Outages, rate limits and
    /// quota stops leave the lead untouched and defer the message until the CRM can take it.
    /// </summary>
    private async Task<WorkOutcome> RecordFailureAsync(Lead read, CrmOutcome outcome, CancellationToken cancellationToken)
    {
        var leadId = read.Id;
        var cls = outcome.Class;
        LogSyncFailed(logger, leadId, crm.Name, outcome.Kind);
        if (cls is not (CrmFailureClass.Permanent or CrmFailureClass.Refused))
        {
            var wait = pauseGate.RetryDelay();
            if (outcome.RetryAfter is { } asked && asked > wait)
            {
                wait = asked;
            }

            return WorkOutcome.Defer(wait + PauseEndSpread(leadId), $"{cls}: {outcome.Reason}");
        }

        var now = timeProvider.GetUtcNow();
        var maxAttempts = crmOptions.CurrentValue.MaxSyncAttempts;
        var written = await mutator.MutateAsync(read, lead =>
        {
            if (lead.Status != LeadStatus.SalesReady)
            {
                return null;
            }

            var attempts = lead.SyncAttempts + 1;
            var entry = new TimelineEntry(now, crm.Name, LeadEvents.SyncFailed,
                $"Attempt {attempts} of {maxAttempts}: {cls} — {outcome.Reason ?? "no reason given"}.");
            return new LeadChange(lead with { SyncAttempts = attempts }, [entry]);
        }, cancellationToken);

        var attemptsSoFar = written?.Lead.SyncAttempts ?? maxAttempts;
        if (cls == CrmFailureClass.Permanent || attemptsSoFar >= maxAttempts)
        {
            await DeadLetterAsync(leadId, outcome, attemptsSoFar, now, cancellationToken);
            return WorkOutcome.Done($"dead-lettered: {cls}");
        }

        var backoff = outcome.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, attemptsSoFar)));
        return WorkOutcome.Defer(backoff, cls.ToString());
    }

    private async Task DeadLetterAsync(string leadId, CrmOutcome outcome, int attempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = outcome.Reason ?? outcome.Kind.ToString();
        await deadLetters.AddAsync(new DeadLetter
        {
            Id = $"dl_{leadId}_{attempts:D3}",
            LeadId = leadId,
            Crm = crm.Name,
            Reason = reason,
            Kind = outcome.Kind,
            Attempts = attempts,
            At = now,
        }, cancellationToken);
        await mutator.MutateAsync(leadId, lead => lead.Status != LeadStatus.SalesReady ? null :
            // Attempts marked as used up: neither the queue nor the re-drive job retries it until an admin replays it.
            new LeadChange(lead with { SyncAttempts = Math.Max(lead.SyncAttempts, crmOptions.CurrentValue.MaxSyncAttempts) }, [new TimelineEntry(now, crm.Name, LeadEvents.DeadLettered, $"Gave up after {attempts} attempt(s): {reason}. Shown to admins for replay.")]),
            cancellationToken);
        SyncTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>("crm", crm.Name), new KeyValuePair<string, object?>("class", outcome.Class.ToString()));
        LogDeadLettered(logger, leadId, crm.Name, outcome.Kind);
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Lead {LeadId} dead-lettered by {Crm}: {Kind}")]
    private static partial void LogDeadLettered(ILogger logger, string leadId, string crm, CrmOutcomeKind kind);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Lead {LeadId} synced to {Crm}")]
    private static partial void LogSynced(ILogger logger, string leadId, string crm);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Lead {LeadId} sync to {Crm} failed: {Kind}")]
    private static partial void LogSyncFailed(ILogger logger, string leadId, string crm, CrmOutcomeKind kind);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Lead {LeadId} was erased while its upsert into {Crm} was in flight; deleting the record it created")]
    private static partial void LogErasedDuringUpsert(ILogger logger, string leadId, string crm);
}

namespace LeadSync.Core.Recycle;

/// <summary>
/// Sends leads that sales did not progress back to marketing nurture, with a reason (see <see cref="RecyclePolicy"/>),
/// and tells the marketing tool and the CRM. Reads only due recycle hints; idempotent and safe to run concurrently.
/// </summary>
public sealed partial class RecycleJob(
    IDueIndex dueIndex,
    ILeadStore store,
    LeadMutator mutator,
    ICrmGateway crm,
    INurtureTarget nurture,
    RecyclePolicy policy,
    NurtureHandOff handOff,
    IOptionsMonitor<RecycleOptions> options,
    TimeProvider timeProvider,
    ILogger<RecycleJob> logger)
{
    public const string NoProgressReason = RecycleReasons.NoProgress;
    private static readonly TimeSpan WriteBackRetry = TimeSpan.FromMinutes(10);

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await dueIndex.GetDueAsync(DueKind.Recycle, now, options.CurrentValue.BatchSize, cancellationToken);
        var leads = new Dictionary<string, Lead>();
        foreach (var id in due.Select(d => d.LeadId).Distinct())
        {
            if (await store.GetAsync(id, cancellationToken) is { } found)
            {
                leads[id] = found;
            }
        }

        // Never backwards: the CRM record of every lead this run may write to is read first, in batches.
        var read = await StatesAsync([.. leads.Values.Where(MayWriteToCrm)], cancellationToken);
        var touches = await TouchesAsync(leads.Values.Where(l => read.States.ContainsKey(l.Id)), read, cancellationToken);
        int acted = 0, failed = 0, deferred = 0;
        var handled = new HashSet<string>();
        foreach (var hint in due)
        {
            if (leads.TryGetValue(hint.LeadId, out var lead) && handled.Add(lead.Id))
            {
                if (MayWriteToCrm(lead) && !read.States.ContainsKey(lead.Id))
                {
                    // Unknown CRM state: no recycle and no write-back on a guess; look again when the CRM may answer.
                    await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, now + DeferFor(read.RetryAfter)), cancellationToken);
                    CrmDegradeTelemetry.RecyclesDeferred.Add(1);
                    deferred++;
                }
                else
                {
                    var (didAct, didFail) = await HandleAsync(lead, read.States.GetValueOrDefault(lead.Id), touches.GetValueOrDefault(lead.Id), now, cancellationToken);
                    acted += didAct ? 1 : 0;
                    failed += didFail ? 1 : 0;
                }
            }

            await dueIndex.RemoveAsync(hint, cancellationToken);
        }

        var report = new JobReport(JobNames.Recycle, due.Count, acted, due.Count - acted - failed - deferred, failed)
        {
            Deferred = deferred,
            CrmUnavailable = read.Failure,
            CrmRetryAfter = read.Failure is null ? null : DeferFor(read.RetryAfter),
        };
        if (deferred > 0)
        {
            LogDeferred(logger, deferred, read.Failure ?? "unknown");
        }

        LogRun(logger, report.Due, report.Acted, report.Failed);
        return report;
    }

    /// <summary>The CRM's own wait when it sent one (at least a minute, so the new hint never equals the one handled), else 10 minutes.</summary>
    private static TimeSpan DeferFor(TimeSpan? retryAfter) =>
        retryAfter is { } wait ? (wait > TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1)) : WriteBackRetry;

    /// <summary>Leads whose handling may write to the CRM: open ones the policy may recycle, and recycled ones awaiting write-back.</summary>
    private static bool MayWriteToCrm(Lead lead) =>
        lead.Status is LeadStatus.Synced or LeadStatus.Contacted || (lead.Status == LeadStatus.Recycled && lead.NurturePushedAt is null);

    /// <summary>
    /// One batch state read per <see cref="ICrmGateway.MaxStateReadBatch"/> leads; a batch the CRM does not answer
    /// leaves its leads out of the result (they are deferred), the others go on.
    /// </summary>
    private async Task<CrmStateRead> StatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, CrmRecordState>(StringComparer.Ordinal);
        string? failure = null;
        TimeSpan? retryAfter = null;
        foreach (var chunk in leads.Chunk(Math.Max(1, crm.MaxStateReadBatch)))
        {
            try
            {
                foreach (var state in await crm.ReadStatesAsync(chunk, cancellationToken))
                {
                    states[state.LeadId] = state;
                }
            }
            catch (CrmReadException ex)
            {
                failure ??= ex.Outcome?.Reason ?? ex.Message;
                retryAfter ??= ex.Outcome?.RetryAfter;
            }
        }

        return new CrmStateRead(states, failure, retryAfter);
    }

    /// <summary>Attempt counts matter only for contacted leads; one batched CRM read for all of them.</summary>
    private async Task<Dictionary<string, CrmTouch>> TouchesAsync(IEnumerable<Lead> leads, CrmStateRead read, CancellationToken cancellationToken)
    {
        var contacted = leads.Where(l => l.Status == LeadStatus.Contacted).ToList();
        if (contacted.Count == 0 || options.CurrentValue.MaxAttempts == 0)
        {
            return [];
        }

        try
        {
            var touches = await crm.GetTouchesAsync(contacted, cancellationToken);
            return touches.GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => g.First());
        }
        catch (CrmReadException ex)
        {
            // Without attempt counts the other triggers still apply (the state read said where the record stands).
            LogTouchReadFailed(logger, ex.Outcome?.Reason ?? ex.Message);
            read.Failure ??= ex.Outcome?.Reason ?? ex.Message;
            return [];
        }
    }

    private async Task<(bool Acted, bool Failed)> HandleAsync(Lead lead, CrmRecordState? state, CrmTouch? touch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (lead is { Status: LeadStatus.Nurture, NurturePushedAt: null })
        {
            // Not sales-ready, and its lead-nurture message was lost or failed: the safety net hands it over.
            var handed = await handOff.HandAsync(lead.Id, cancellationToken);
            if (!handed.Completed)
            {
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, now + WriteBackRetry), cancellationToken);
            }

            return (handed.Completed, !handed.Completed);
        }

        if (state is { Found: true } && CrmFunnel.IsClosed(state.Stage) && MayWriteToCrm(lead))
        {
            // Sales converted or disqualified it in the CRM: LeadSync follows, and writes nothing to the CRM.
            return (await CloseAsCrmReportsAsync(lead, state, now, cancellationToken), false);
        }

        var acted = false;
        if (lead.Status is LeadStatus.Synced or LeadStatus.Contacted)
        {
            var written = await mutator.MutateAsync(lead.Id, l => policy.Decide(l, touch, now), cancellationToken);
            lead = written?.Lead ?? await store.GetAsync(lead.Id, cancellationToken) ?? lead;
            acted = written is not null;
            if (acted)
            {
                var reason = lead.Status == LeadStatus.Recycled ? lead.RecycleReason ?? "?" : lead.CloseReason ?? "?";
                LeadSyncTelemetry.Recycles.Add(1, new KeyValuePair<string, object?>("reason", reason));
                LogRecycled(logger, lead.Id, reason);
            }
            else if (policy.NextCheckAt(lead, now) is { } next)
            {
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, next), cancellationToken);
            }
        }

        if (lead.Status == LeadStatus.Recycled && lead.NurturePushedAt is null)
        {
            var closed = await mutator.MutateAsync(lead.Id, l => policy.CloseIfExhausted(l, now), cancellationToken);
            if (closed is not null)
            {
                LogRecycled(logger, lead.Id, RecycleReasons.Exhausted);
                return (true, false);
            }

            if (!await WriteBackAsync(lead, state, now, cancellationToken))
            {
                await dueIndex.ScheduleAsync(new DueItem(lead.Id, DueKind.Recycle, now + WriteBackRetry), cancellationToken);
                return (acted, true);
            }
        }

        return (acted, false);
    }

    /// <summary>
    /// Why a recycled lead must not go to the nurture tool: it declined marketing consent on the form (consent is
    /// honoured before any push), or its personal data was erased. Null: push it.
    /// </summary>
    public static string? NurtureRefusal(Lead lead)
    {
        if (lead.Consent?.Marketing == false)
        {
            return "the lead did not consent to marketing";
        }

        return lead.Contact.Email is null && lead.Contact.Phone is null ? "the lead's personal data was erased" : null;
    }

    /// <summary>Moves the lead to Converted/Disqualified as the CRM record says (nothing goes to the CRM or to nurture).</summary>
    private async Task<bool> CloseAsCrmReportsAsync(Lead lead, CrmRecordState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var touch = new CrmTouch(lead.Id, state.Stage == CrmFunnelStage.Converted ? CrmLeadState.Converted : CrmLeadState.Disqualified,
            state.LastTouchAt, Owner: state.Owner);
        var written = await mutator.MutateAsync(lead.Id, l => SalesActivity.Decide(l, touch, now, crm.Name) is { } change
            ? change with
            {
                Entries = [.. change.Entries, new TimelineEntry(now, "recycle", LeadEvents.RecycleSkipped,
                    $"Not recycled: {crm.Name} shows the record {state.Stage} (status {state.Status ?? "-"}); nothing was written to {crm.Name}.")],
            }
            : null, cancellationToken);
        if (written is not null)
        {
            LogClosedByCrm(logger, lead.Id, state.Stage);
        }

        return written is not null;
    }

    private sealed class CrmStateRead(Dictionary<string, CrmRecordState> states, string? failure, TimeSpan? retryAfter)
    {
        public Dictionary<string, CrmRecordState> States { get; } = states;

        public string? Failure { get; set; } = failure;

        public TimeSpan? RetryAfter { get; } = retryAfter;
    }

    /// <summary>Tells the marketing tool and the CRM; both calls are idempotent, so a retry after a crash is safe.</summary>
    private async Task<bool> WriteBackAsync(Lead lead, CrmRecordState? state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = lead.RecycleReason ?? NoProgressReason;
        var refusal = NurtureRefusal(lead);
        var pushed = refusal is null
            ? await nurture.PushAsync(lead, reason, RecycleTargets.For(options.CurrentValue, reason), cancellationToken)
            : new NurtureResult(true, nurture.Name);

        // Never backwards: no write when the record already shows a nurture status (sales' own value stays) or a later
        // one. An erased lead's CRM record was deleted with it: there is nothing to mark.
        var writeCrm = lead.CrmId is not null && lead.Contact.HasReachableChannel
            && CrmFunnel.MayWrite(state?.Stage ?? CrmFunnelStage.Missing, CrmFunnelStage.Nurture);
        var crmResult = writeCrm ? await crm.MarkRecycledAsync(lead, reason, cancellationToken) : CrmOutcome.Success;
        var crmNote = writeCrm ? $"{crm.Name} status set to recycled" : $"{crm.Name} status left as {state?.Status ?? "it was"}";
        if (!pushed.Accepted || !crmResult.Succeeded)
        {
            LogWriteBackFailed(logger, lead.Id, pushed.Error ?? crmResult.Reason ?? "unknown");
            return false;
        }

        await mutator.MutateAsync(lead.Id, l => l.Status != LeadStatus.Recycled || l.NurturePushedAt is not null ? null :
            new LeadChange(l with { NurturePushedAt = now },
                [refusal is null
                    ? new TimelineEntry(now, "recycle", LeadEvents.NurturePushed, $"Handed to {pushed.Destination} for nurture ({reason}); {crmNote}.")
                    : new TimelineEntry(now, "recycle", LeadEvents.NurtureSkipped, $"Not handed to {nurture.Name} for nurture: {refusal}; {crmNote}.")]),
            cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Lead {LeadId} recycled to nurture ({Reason})")]
    private static partial void LogRecycled(ILogger logger, string leadId, string reason);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Recycle write-back for lead {LeadId} failed: {Error}; retrying later")]
    private static partial void LogWriteBackFailed(ILogger logger, string leadId, string error);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Recycle deferred for {Count} lead(s): the CRM state could not be read ({Reason})")]
    private static partial void LogDeferred(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Recycle: attempt counts could not be read ({Reason}); the attempts trigger waits")]
    private static partial void LogTouchReadFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Lead {LeadId} closed as the CRM reports ({Stage}); not recycled, nothing written to the CRM")]
    private static partial void LogClosedByCrm(ILogger logger, string leadId, CrmFunnelStage stage);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Recycle run: {Due} due, {Acted} recycled, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int due, int acted, int failed);
}

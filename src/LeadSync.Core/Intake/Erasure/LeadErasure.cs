namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// The one erasure path (GDPR/CCPA): an admin request (<c>POST /api/admin/erasure</c>, by e-mail or lead id) and a
/// vendor deletion (LinkedIn <c>DELETED</c>, queued as <see cref="QueueNames.LeadErase"/>) both come here. It erases
/// the leads (<see cref="ILeadEraser"/>), the subject's traces in every other table (<see cref="IPersonalDataSweeper"/>),
/// asks the CRM and the nurture tool to delete their records, and keeps an anonymized <see cref="ErasureRecord"/> with
/// an audit entry per request. Every step is idempotent: asking twice erases nothing more and reports the same result.
/// A target that fails transiently is retried through the same queue (<c>erasure:{key}</c> messages) until it answers
/// or <see cref="MaxTargetAttempts"/> runs out.
/// </summary>
public sealed partial class LeadErasure(
    ILeadEraser eraser,
    ILeadStore store,
    ILeadEmailIndex emailIndex,
    IPersonalDataSweeper sweeper,
    IErasureLog log,
    ICrmGateway crm,
    INurtureTarget nurture,
    IWorkQueue queue,
    TimeProvider timeProvider,
    ILogger<LeadErasure> logger)
{
    public static readonly TimeSpan NotYetStoredRetry = TimeSpan.FromMinutes(10);
    public const string RetryPrefix = "erasure:";
    public const int MaxTargetAttempts = 8;
    public const string VendorReason = "The vendor reported the submission as deleted.";
    private const int MaxSaveAttempts = 5;

    private string CrmTarget => "crm:" + crm.Name;

    private string NurtureTarget => "nurture:" + nurture.Name;

    /// <summary>
    /// One <see cref="QueueNames.LeadErase"/> message: a lead id a vendor reported deleted (retried a few times while the
    /// delete overtook the create), or <c>erasure:{key}</c>, a retry of pending target deletions.
    /// </summary>
    public async Task<WorkOutcome> EraseAsync(string message, int dequeueCount, CancellationToken cancellationToken)
    {
        if (message.StartsWith(RetryPrefix, StringComparison.Ordinal))
        {
            return await RetryTargetsAsync(message[RetryPrefix.Length..], dequeueCount, cancellationToken);
        }

        var lead = await store.GetAsync(message, cancellationToken);
        if (lead is null)
        {
            return dequeueCount < 5 ? WorkOutcome.Retry(NotYetStoredRetry, "lead not stored yet") : WorkOutcome.Done("no such lead");
        }

        var record = await RequestAsync(new ErasureRequest(null, lead.Id, "vendor:" + lead.Source, VendorReason), cancellationToken);
        return WorkOutcome.Done(record.IsPending ? "erased; target deletions pending" : "erased");
    }

    /// <summary>Erases the subject now; the answer is the erasure record (the same one for a repeated request).</summary>
    public async Task<ErasureRecord> RequestAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        var key = request.Key;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await log.GetAsync(key, cancellationToken);
            var record = await EraseOnceAsync(request, key, existing, cancellationToken);
            if (await log.SaveAsync(record, cancellationToken) || attempt == MaxSaveAttempts)
            {
                var summary = Summary(record);
                await log.AddAuditAsync(key, new ErasureAuditEntry(record.LastRequestedAt, request.Actor, request.Reason, summary), cancellationToken);
                if (record.IsPending)
                {
                    await queue.EnqueueAsync(QueueNames.LeadErase, RetryPrefix + key, cancellationToken);
                }

                LogErased(logger, record.Subject, request.Actor, summary);
                return record;
            }
        }
    }

    private async Task<ErasureRecord> EraseOnceAsync(ErasureRequest request, string key, ErasureRecord? existing, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var leadIds = new SortedSet<string>(existing?.LeadIds ?? [], StringComparer.Ordinal);
        if (request.Email is { } email)
        {
            foreach (var entry in await emailIndex.FindAsync(email, cancellationToken))
            {
                leadIds.Add(entry.LeadId);
            }
        }

        if (request.LeadId is { } leadId && await store.GetAsync(leadId, cancellationToken) is not null)
        {
            leadIds.Add(leadId);
        }

        var erased = new Dictionary<string, int>(existing?.Erased ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        var emails = new List<string>();
        var phones = new List<string>();
        if (request.Email is not null)
        {
            emails.Add(request.Email);
        }

        var identities = new List<ErasureIdentity>();
        foreach (var id in leadIds)
        {
            if (await eraser.EraseAsync(id, request.Actor, request.Reason, cancellationToken) is not { } result)
            {
                continue;
            }

            var contact = result.Before.Contact;
            emails.AddRange(contact.Email is { } e ? [e] : []);
            phones.AddRange(contact.Phone is { } p ? [p] : []);
            if (!result.AlreadyErased)
            {
                Add(erased, "leads", 1);
                Add(erased, "timeline", result.RedactedEntries);
                identities.Add(new ErasureIdentity(id, contact.Email ?? request.Email, result.Before.CrmId));
            }
        }

        foreach (var (table, count) in await sweeper.EraseTracesAsync(new ErasureNeedles(leadIds, emails, phones), cancellationToken))
        {
            Add(erased, table, count);
        }

        var targets = (existing?.Targets ?? []).ToList();
        var pending = (existing?.PendingIdentities ?? []).ToList();
        foreach (var identity in identities)
        {
            await CallTargetAsync(targets, CrmTarget, identity, now, cancellationToken);
            await CallTargetAsync(targets, NurtureTarget, identity, now, cancellationToken);
            AddPending(targets, pending, identity);
        }

        if (request.LateCrmRecord is { } late && leadIds.Contains(late.LeadId))
        {
            // The CRM's earlier answer (nothing to delete) predates this record: it is asked again.
            targets.RemoveAll(t => t.Target == CrmTarget && t.LeadId == late.LeadId);
            pending.RemoveAll(p => p.LeadId == late.LeadId);
            await CallTargetAsync(targets, CrmTarget, late, now, cancellationToken);
            AddPending(targets, pending, late);
        }

        return new ErasureRecord
        {
            Key = key,
            Subject = ErasureRecord.SubjectOf(key),
            LeadIds = [.. leadIds],
            Erased = erased,
            Targets = targets,
            PendingIdentities = targets.Any(t => !t.IsFinal) ? pending : [],
            FirstRequestedBy = existing?.FirstRequestedBy ?? request.Actor,
            FirstRequestedAt = existing?.FirstRequestedAt ?? now,
            LastRequestedBy = request.Actor,
            LastRequestedAt = now,
            Requests = (existing?.Requests ?? 0) + 1,
            ETag = existing?.ETag,
        };
    }

    private static void AddPending(List<TargetErasureState> targets, List<ErasureIdentity> pending, ErasureIdentity identity)
    {
        if (targets.Any(t => t.LeadId == identity.LeadId && !t.IsFinal) && pending.All(p => p.LeadId != identity.LeadId))
        {
            pending.Add(identity);
        }
    }

    /// <summary>Retries the pending target deletions of one record; gives up (Failed, visible) after <see cref="MaxTargetAttempts"/>.</summary>
    private async Task<WorkOutcome> RetryTargetsAsync(string key, int dequeueCount, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxSaveAttempts; attempt++)
        {
            var record = await log.GetAsync(key, cancellationToken);
            if (record is null || !record.IsPending)
            {
                return WorkOutcome.Done("no pending target deletions");
            }

            var now = timeProvider.GetUtcNow();
            var targets = record.Targets.ToList();
            foreach (var state in record.Targets.Where(t => !t.IsFinal))
            {
                var identity = record.PendingIdentities.FirstOrDefault(i => i.LeadId == state.LeadId);
                if (identity is null)
                {
                    Replace(targets, state with { Status = ErasureStatus.Failed, Detail = "The identifiers the target needs are gone.", UpdatedAt = now });
                    continue;
                }

                await CallTargetAsync(targets, state.Target, identity, now, cancellationToken);
            }

            if (dequeueCount >= MaxTargetAttempts)
            {
                foreach (var state in targets.Where(t => !t.IsFinal).ToList())
                {
                    Replace(targets, state with { Status = ErasureStatus.Failed, Detail = $"Gave up after {state.Attempts} attempts: {state.Detail}", UpdatedAt = now });
                }
            }

            var stillPending = targets.Any(t => !t.IsFinal);
            var updated = record with
            {
                Targets = targets,
                PendingIdentities = stillPending ? record.PendingIdentities.Where(i => targets.Any(t => t.LeadId == i.LeadId && !t.IsFinal)).ToList() : [],
            };
            if (!await log.SaveAsync(updated, cancellationToken))
            {
                continue;
            }

            var summary = Summary(updated);
            await log.AddAuditAsync(key, new ErasureAuditEntry(now, "erasure-retry", "Retry of pending target deletions.", summary), cancellationToken);
            LogRetried(logger, updated.Subject, summary);
            return stillPending
                ? WorkOutcome.Retry(Backoff(dequeueCount), "target deletions still pending")
                : WorkOutcome.Done("target deletions finished");
        }

        return WorkOutcome.Retry(TimeSpan.FromMinutes(1), "erasure record kept changing");
    }

    /// <summary>1, 2, 4… minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int dequeueCount) => TimeSpan.FromMinutes(Math.Min(60, 1 << Math.Clamp(dequeueCount - 1, 0, 6)));

    private async Task CallTargetAsync(List<TargetErasureState> targets, string target, ErasureIdentity identity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = targets.FirstOrDefault(t => t.Target == target && t.LeadId == identity.LeadId);
        if (previous is { IsFinal: true } && previous.Status != ErasureStatus.Failed)
        {
            return;
        }

        TargetErasure answer;
        try
        {
            answer = target == CrmTarget
                ? await crm.EraseAsync(identity, cancellationToken)
                : await nurture.EraseAsync(identity, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever a target throws, the request must not be lost: it stays pending and is retried.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            answer = TargetErasure.Failure(target, transient: true, $"{target} call failed: {ex.GetType().Name}.");
        }

        var state = new TargetErasureState
        {
            Target = target,
            LeadId = identity.LeadId,
            Status = answer.Status,
            Detail = answer.Detail,
            Attempts = (previous?.Attempts ?? 0) + 1,
            UpdatedAt = now,
        };
        Replace(targets, state);
    }

    private static void Replace(List<TargetErasureState> targets, TargetErasureState state)
    {
        var index = targets.FindIndex(t => t.Target == state.Target && t.LeadId == state.LeadId);
        if (index >= 0)
        {
            targets[index] = state;
        }
        else
        {
            targets.Add(state);
        }
    }

    private static void Add(Dictionary<string, int> counts, string store, int count)
    {
        if (count > 0)
        {
            counts[store] = counts.GetValueOrDefault(store) + count;
        }
    }

    private static string Summary(ErasureRecord record)
    {
        var erased = record.Erased.Count == 0 ? "nothing stored" : string.Join(", ", record.Erased.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"));
        var targets = record.Targets.Count == 0 ? "no targets" : string.Join(", ", record.Targets.Select(t => $"{t.Target} {t.Status}"));
        return $"{record.LeadIds.Count} lead(s); erased: {erased}; {targets}";
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Erasure of {Subject} requested by {Actor}: {Summary}")]
    private static partial void LogErased(ILogger logger, string subject, string actor, string summary);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Erasure of {Subject}, target retry: {Summary}")]
    private static partial void LogRetried(ILogger logger, string subject, string summary);
}

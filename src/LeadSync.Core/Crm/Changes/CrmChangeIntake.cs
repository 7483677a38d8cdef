namespace LeadSync.Core.Crm.Changes;

/// <summary>
/// Applies what a CRM reported natively. Per change, oldest first: a redelivery (same vendor event key) is skipped; an
/// unmapped change is kept in the quarantine for an admin; the lead is found by the id the record carries or else by
/// e-mail (the lead whose CRM id matches wins); a change older than one already applied to the same record and aspect
/// is stale; the rest goes through the same lifecycle rules as the signed CRM callback (<see cref="CrmEventProcessor"/>).
/// </summary>
public sealed partial class CrmChangeIntake(
    ILeadStore store,
    LeadMutator mutator,
    CrmEventProcessor processor,
    ICrmChangeLog log,
    IQuarantineStore quarantine,
    TimeProvider timeProvider,
    ILogger<CrmChangeIntake> logger,
    ILeadEmailIndex emailIndex,
    ISlaPolicy slaPolicy)
{
    public async Task<CrmChangeSummary> ApplyAsync(string provider, IReadOnlyList<CrmChange> changes, InboundWebhook request, CancellationToken cancellationToken)
    {
        var results = new CrmChangeResult[changes.Count];
        var order = Enumerable.Range(0, changes.Count).OrderBy(i => changes[i].OccurredAt).ThenBy(i => i);
        foreach (var i in order)
        {
            results[i] = await ApplyOneAsync(provider, changes[i], request, cancellationToken);
        }

        return new CrmChangeSummary(results);
    }

    private async Task<CrmChangeResult> ApplyOneAsync(string provider, CrmChange change, InboundWebhook request, CancellationToken cancellationToken)
    {
        if (await log.WasHandledAsync(provider, change.EventKey, cancellationToken))
        {
            return Result(change, CrmChangeOutcome.Duplicate, null, "Already handled.");
        }

        if (change.Kind == CrmChangeKind.Unmapped)
        {
            var id = await KeepAsync(provider, change, request, cancellationToken);
            await log.MarkHandledAsync(provider, change.EventKey, timeProvider.GetUtcNow(), cancellationToken);
            LogKept(logger, provider, change.Detail, id);
            return Result(change, CrmChangeOutcome.Kept, null, $"Kept for an admin as {id}.");
        }

        if (change.Kind == CrmChangeKind.Ignored)
        {
            return Result(change, CrmChangeOutcome.Ignored, null, "Nothing to do for the handoff.");
        }

        var lead = await FindLeadAsync(change, cancellationToken);
        if (lead is null)
        {
            LogUnknownLead(logger, provider, change.Kind, Hash(change.RecordId));
            return Result(change, CrmChangeOutcome.UnknownLead, null, "No LeadSync lead matches this CRM record.");
        }

        if (!await log.TryAdvanceAsync(provider, change.RecordId, change.Aspect, change.OccurredAt, cancellationToken))
        {
            await log.MarkHandledAsync(provider, change.EventKey, timeProvider.GetUtcNow(), cancellationToken);
            LogStale(logger, provider, lead.Id, change.Kind);
            return Result(change, CrmChangeOutcome.Stale, lead.Id, "A later change to this record was already applied.");
        }

        var result = change.Kind switch
        {
            CrmChangeKind.OwnerChanged => await ChangeOwnerAsync(provider, lead, change, cancellationToken),
            CrmChangeKind.Merged => await MergeAsync(provider, lead, change, cancellationToken),
            _ => await ApplyStateAsync(provider, lead, change, cancellationToken),
        };
        await log.MarkHandledAsync(provider, change.EventKey, timeProvider.GetUtcNow(), cancellationToken);
        LogApplied(logger, provider, lead.Id, change.Kind, result.Outcome);
        return result;
    }

    private async Task<CrmChangeResult> ApplyStateAsync(string provider, Lead lead, CrmChange change, CancellationToken cancellationToken)
    {
        var state = change.Kind switch
        {
            CrmChangeKind.Converted => CrmLeadState.Converted,
            CrmChangeKind.Disqualified => CrmLeadState.Disqualified,
            CrmChangeKind.Nurture => CrmLeadState.Nurture,
            _ => CrmLeadState.Contacted,
        };
        var applied = await processor.ApplyAsync(provider, new CrmEvent(lead.Id, state, change.OccurredAt, change.Owner), cancellationToken);
        if (change.Kind is CrmChangeKind.Attempt or CrmChangeKind.Contacted)
        {
            await RecordAttemptAsync(provider, lead.Id, change, cancellationToken);
        }

        return applied.Status == CrmEventStatus.Applied
            ? Result(change, CrmChangeOutcome.Applied, lead.Id, applied.Detail)
            : Result(change, CrmChangeOutcome.NoChange, lead.Id, applied.Detail);
    }

    /// <summary>
    /// A native "sales tried / reached the buyer" event is one attempt for the follow-up cadence of the lead's tier,
    /// written at once (the sweep merges it with the CRM's activities, never adding the same call twice).
    /// </summary>
    private async Task RecordAttemptAsync(string provider, string leadId, CrmChange change, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var at = change.OccurredAt <= now ? change.OccurredAt : now;
        await mutator.MutateAsync(leadId, l =>
            slaPolicy.Cadence(l) is null || l.Status is not (LeadStatus.Synced or LeadStatus.Contacted) || at < l.ReceivedAt
                || NativeAttempts.Add(l.NativeAttempts, at) is not { } native
                ? null
                : new LeadChange(l with
                {
                    NativeAttempts = native,
                    LastAttemptAt = l.LastAttemptAt is { } last && last > at ? last : at,
                    ContactAttempts = Math.Max(l.ContactAttempts, NativeAttempts.Parse(native).Count),
                }, [new TimelineEntry(now, provider, LeadEvents.CadenceAttempt, $"Attempt reported by {provider} at {at:u} ({change.Detail}).")]),
            cancellationToken);
    }

    private async Task<CrmChangeResult> ChangeOwnerAsync(string provider, Lead lead, CrmChange change, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var written = await mutator.MutateAsync(lead, l => string.IsNullOrEmpty(change.Owner) || string.Equals(l.Owner, change.Owner, StringComparison.Ordinal)
            ? null
            : new LeadChange(l with { Owner = change.Owner }, [new TimelineEntry(now, provider, LeadEvents.OwnerChanged,
                $"Owner changed in {provider} from {l.Owner ?? "nobody"} to {change.Owner} at {change.OccurredAt:u}.")]), cancellationToken);
        return written is null
            ? Result(change, CrmChangeOutcome.NoChange, lead.Id, "The lead already has this owner.")
            : Result(change, CrmChangeOutcome.Applied, lead.Id, $"Owner is now {change.Owner}.");
    }

    private async Task<CrmChangeResult> MergeAsync(string provider, Lead lead, CrmChange change, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var written = await mutator.MutateAsync(lead, l => string.Equals(l.CrmId, change.RecordId, StringComparison.Ordinal)
            ? null
            : new LeadChange(l with { CrmId = change.RecordId }, [new TimelineEntry(now, provider, LeadEvents.CrmRecordMerged,
                $"{provider} merged the record {l.CrmId ?? "(unknown)"} into {change.RecordId}.")]), cancellationToken);
        return written is null
            ? Result(change, CrmChangeOutcome.NoChange, lead.Id, "The lead already points at this record.")
            : Result(change, CrmChangeOutcome.Applied, lead.Id, $"The lead's CRM record is now {change.RecordId}.");
    }

    /// <summary>By the carried id, else by e-mail: the lead whose CRM id is this record, else the latest one received.</summary>
    private async Task<Lead?> FindLeadAsync(CrmChange change, CancellationToken cancellationToken)
    {
        if (change.LeadId is { Length: > 0 } leadId && await store.GetAsync(leadId, cancellationToken) is { } byId)
        {
            return byId;
        }

        if (change.Email is not { Length: > 0 } email)
        {
            return null;
        }

        Lead? best = null;
        foreach (var id in (await emailIndex.FindAsync(email, cancellationToken)).Select(e => e.LeadId).Distinct(StringComparer.Ordinal))
        {
            if (await store.GetAsync(id, cancellationToken) is not { } candidate)
            {
                continue;
            }

            if (string.Equals(candidate.CrmId, change.RecordId, StringComparison.Ordinal))
            {
                return candidate;
            }

            if (best is null || candidate.ReceivedAt > best.ReceivedAt)
            {
                best = candidate;
            }
        }

        return best;
    }

    private async Task<string> KeepAsync(string provider, CrmChange change, InboundWebhook request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var id = $"q_{now.UtcTicks:D19}_{Guid.NewGuid():N}"[..32];
        await quarantine.AddAsync(new QuarantineItem
        {
            Id = id,
            Source = "crm:" + provider,
            ReceivedAt = now,
            Reason = $"{provider} change LeadSync cannot map: {change.Detail}",
            Errors = new Dictionary<string, string[]> { ["recordId"] = [change.RecordId], ["eventKey"] = [change.EventKey] },
            ContentType = request.ContentType,
            RequestUri = request.RequestUri,
            Body = change.Raw.IsEmpty ? request.Body.ToArray() : change.Raw.ToArray(),
        }, cancellationToken);
        return id;
    }

    private static CrmChangeResult Result(CrmChange change, CrmChangeOutcome outcome, string? leadId, string detail) =>
        new(change.EventKey, change.Kind, outcome, leadId, detail);

    /// <summary>Record ids are not personal data, but a short hash keeps the log line uniform across vendors.</summary>
    private static string Hash(string value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "{Provider} change for lead {LeadId} ({Kind}): {Outcome}")]
    private static partial void LogApplied(ILogger logger, string provider, string leadId, CrmChangeKind kind, CrmChangeOutcome outcome);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "{Provider} change ({Kind}) for a CRM record no LeadSync lead matches (record hash {RecordHash}); acknowledged")]
    private static partial void LogUnknownLead(ILogger logger, string provider, CrmChangeKind kind, string recordHash);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Stale {Provider} change ({Kind}) for lead {LeadId} ignored: a later one was applied")]
    private static partial void LogStale(ILogger logger, string provider, string leadId, CrmChangeKind kind);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "{Provider} change kept for an admin as {QuarantineId}: {Detail}")]
    private static partial void LogKept(ILogger logger, string provider, string detail, string quarantineId);
}

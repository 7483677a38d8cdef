using static LeadSync.Infrastructure.Crm.Salesforce.SalesforceRecordMapper;

namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// Salesforce Lead adapter. Upserts by an external-id field holding the LeadSync id, so a retry updates the same Lead
/// instead of creating a second one; reads owner, status and Task activity back with SOQL, and reassigns by writing
/// <c>OwnerId</c> through the same external id.
/// </summary>
internal sealed partial class SalesforceGateway(
    ISalesforceApi api,
    SalesforceApiUsage usage,
    IOptionsMonitor<SalesforceOptions> options,
    TimeProvider time,
    ILogger<SalesforceGateway> logger,
    [FromKeyedServices(CrmProvider.Salesforce)] RateLimiter limiter) : ICrmGateway
{
    private const int IdsPerQuery = 100;

    public string Name => CrmProviders.Salesforce;

    /// <summary>One sObject Collections request carries up to <c>BatchSize</c> (≤ 200) leads.</summary>
    public int MaxUpsertBatch => options.CurrentValue.BatchSize;

    /// <summary>False while the process-wide limiter for this provider has no permit free.</summary>
    public bool CanCallWithoutWaiting => LimiterPermits.AvailableNow(limiter);

    public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            return [.. leads.Select(l => new CrmUpsertResult(l.Id, stop))];
        }

        var results = new List<CrmUpsertResult>(leads.Count);
        if (leads.Count == 1)
        {
            results.Add(await UpsertOneAsync(leads[0], o, cancellationToken));
        }
        else
        {
            foreach (var chunk in leads.Chunk(o.BatchSize))
            {
                results.AddRange(await UpsertChunkAsync(chunk, o, cancellationToken));
            }
        }

        return await WithOwnersAsync(results, o, cancellationToken);
    }

    public async Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var records = await QueryByLeadIdAsync(leads.Select(l => l.Id), "Id, OwnerId, Status, LastActivityDate, IsConverted", o, cancellationToken);
        var tasks = o.ReadTasks && records.Count > 0
            ? await ReadTasksAsync([.. records.Values.Select(r => Str(r, "Id")).OfType<string>()], o, cancellationToken)
            : [];
        return [.. leads.Select(l => records.TryGetValue(l.Id, out var r)
            ? ToTouch(l.Id, r, Str(r, "Id") is { } id ? tasks.GetValueOrDefault(id) : null, o)
            : new CrmTouch(l.Id, CrmLeadState.Untouched))];
    }

    /// <summary>
    /// Sets the Lead's <c>OwnerId</c> to the pool's queue or to one of its users, by the external id. The body holds
    /// only <c>OwnerId</c>, so a Lead that does not exist cannot be created by it (LastName and Company are required):
    /// Salesforce answers REQUIRED_FIELD_MISSING, a permanent outcome.
    /// </summary>
    public async Task<CrmReassignment> ReassignAsync(Lead lead, string pool, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var (choice, failure) = ReassignPicker.Pick(lead, pool, o.Reassign, SalesforceOptions.Section, SameId);
        if (failure is not null)
        {
            return failure;
        }

        return await AssignOwnerAsync(lead, choice!.OwnerId, cancellationToken);
    }

    /// <summary>Sets the Lead's <c>OwnerId</c> by the external id (a body of only <c>OwnerId</c> cannot create a Lead).</summary>
    public async Task<CrmReassignment> AssignOwnerAsync(Lead lead, string ownerId, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            return new CrmReassignment(stop);
        }

        var fields = new Dictionary<string, object> { ["OwnerId"] = ownerId };
        using var response = await api.UpsertLeadAsync(o.ApiVersion, o.ExternalIdField, lead.Id, fields, cancellationToken);
        var outcome = Map(response, o);
        if (!outcome.Succeeded)
        {
            LogReassignFailed(logger, lead.Id, outcome.Kind, (int?)response.StatusCode ?? 0);
            return new CrmReassignment(outcome);
        }

        return new CrmReassignment(outcome, ownerId);
    }

    public async Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            return stop;
        }

        var fields = new Dictionary<string, object> { ["Status"] = o.RecycledStatus };
        if (lead.CrmId is { Length: > 0 } crmId)
        {
            using var update = await api.UpdateLeadAsync(o.ApiVersion, crmId, fields, cancellationToken);
            return Map(update, o);
        }

        using var upsert = await api.UpsertLeadAsync(o.ApiVersion, o.ExternalIdField, lead.Id, fields, cancellationToken);
        return Map(upsert, o);
    }

    private async Task<CrmUpsertResult> UpsertOneAsync(Lead lead, SalesforceOptions o, CancellationToken cancellationToken)
    {
        using var response = await api.UpsertLeadAsync(o.ApiVersion, o.ExternalIdField, lead.Id, Fields(lead, o), cancellationToken);
        var outcome = Map(response, o);
        if (!outcome.Succeeded)
        {
            LogUpsertFailed(logger, lead.Id, outcome.Kind, (int?)response.StatusCode ?? 0);
            return new CrmUpsertResult(lead.Id, outcome);
        }

        // 201 and 200 carry the record id; 204 (older API versions) does not, the owner query fills it in.
        return new CrmUpsertResult(lead.Id, outcome, response.Content?.Id);
    }

    private async Task<IEnumerable<CrmUpsertResult>> UpsertChunkAsync(Lead[] chunk, SalesforceOptions o, CancellationToken cancellationToken)
    {
        var records = chunk.Select(lead =>
        {
            var record = Fields(lead, o);
            record["attributes"] = new Dictionary<string, string> { ["type"] = "Lead" };
            record[o.ExternalIdField] = lead.Id;
            return record;
        }).ToList();

        using var response = await api.UpsertLeadsAsync(o.ApiVersion, o.ExternalIdField, new SalesforceCollectionRequest(false, records), cancellationToken);
        var outcome = Map(response, o);
        if (!outcome.Succeeded || response.Content is not { } saved)
        {
            var failed = outcome.Succeeded ? new CrmOutcome(CrmOutcomeKind.Transient, "Salesforce returned no per-record results.") : outcome;
            LogUpsertFailed(logger, $"{chunk.Length} leads", failed.Kind, (int?)response.StatusCode ?? 0);
            return chunk.Select(l => new CrmUpsertResult(l.Id, failed));
        }

        // Results come back in request order, one per record.
        return chunk.Select((lead, i) => i >= saved.Count
            ? new CrmUpsertResult(lead.Id, new CrmOutcome(CrmOutcomeKind.Transient, "Salesforce returned fewer results than records.") { AboutRecord = true })
            : saved[i].Success
                ? new CrmUpsertResult(lead.Id, CrmOutcome.Success, saved[i].Id)
                : new CrmUpsertResult(lead.Id, RecordError(saved[i], o)));
    }

    /// <summary>
    /// Assignment rules run on insert, so the owner is known right after the upsert: one SOQL per up to 200 leads (as
    /// the state read), so a full sObject Collections call costs one owner query, not two, of the org's daily API allocation.
    /// </summary>
    private async Task<IReadOnlyList<CrmUpsertResult>> WithOwnersAsync(List<CrmUpsertResult> results, SalesforceOptions o, CancellationToken cancellationToken)
    {
        var succeeded = results.Where(r => r.Outcome.Succeeded).Select(r => r.LeadId).ToList();
        if (succeeded.Count == 0)
        {
            return results;
        }

        Dictionary<string, Dictionary<string, JsonElement>> records;
        try
        {
            records = await QueryByLeadIdAsync(succeeded, "Id, OwnerId", o, cancellationToken, StatesPerQuery);
        }
        catch (CrmUnavailableException ex)
        {
            // The write is done; a missing owner must not turn it into a failure and a second write.
            LogOwnerReadFailed(logger, ex.Outcome?.Kind ?? CrmOutcomeKind.Transient);
            return results;
        }

        return [.. results.Select(r => r.Outcome.Succeeded && records.TryGetValue(r.LeadId, out var rec)
            ? r with { CrmId = r.CrmId ?? Str(rec, "Id"), Owner = Str(rec, "OwnerId") }
            : r)];
    }

    private async Task<Dictionary<string, Dictionary<string, JsonElement>>> QueryByLeadIdAsync(
        IEnumerable<string> leadIds, string select, SalesforceOptions o, CancellationToken cancellationToken, int idsPerQuery = IdsPerQuery)
    {
        var found = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        foreach (var chunk in leadIds.Distinct(StringComparer.Ordinal).Chunk(idsPerQuery))
        {
            var soql = SalesforceSoql.LeadsByExternalId(select, o.ExternalIdField, chunk);
            using var response = await api.QueryAsync(o.ApiVersion, soql, cancellationToken);
            var outcome = Map(response, o);
            if (!outcome.Succeeded || response.Content is not { } page)
            {
                throw new CrmUnavailableException(Name, outcome.Succeeded ? new CrmOutcome(CrmOutcomeKind.Transient, "Empty query response.") : outcome);
            }

            // ≤ 200 ids per query stay far below the 2,000-row first page, so nextRecordsUrl never matters here.
            foreach (var record in page.Records ?? [])
            {
                if (Str(record, o.ExternalIdField) is { } leadId)
                {
                    found[leadId] = record;
                }
            }
        }

        return found;
    }

    /// <summary>One SOQL per 100 Leads (following <c>nextRecordsUrl</c> past 2,000 Tasks): Tasks by <c>WhoId</c>.</summary>
    private async Task<Dictionary<string, SalesforceTaskActivity>> ReadTasksAsync(List<string> leadRecordIds, SalesforceOptions o, CancellationToken cancellationToken)
    {
        var activity = new Dictionary<string, SalesforceTaskActivity>(StringComparer.Ordinal);
        foreach (var (whoId, created) in await ReadAttemptTasksAsync(leadRecordIds, o, cancellationToken))
        {
            var seen = activity.GetValueOrDefault(whoId) ?? new SalesforceTaskActivity(0, null);
            activity[whoId] = new SalesforceTaskActivity(seen.Attempts + 1,
                seen.FirstAt is { } first && (created is null || first <= created) ? first : created);
        }

        return activity;
    }

    /// <summary>Every Task on the Lead records whose Status counts as an attempt: (WhoId, CreatedDate), all pages.</summary>
    private async Task<List<(string WhoId, DateTimeOffset? At)>> ReadAttemptTasksAsync(List<string> leadRecordIds, SalesforceOptions o, CancellationToken cancellationToken)
    {
        var statuses = o.AttemptTaskStatuses.Count > 0 ? o.AttemptTaskStatuses : SalesforceOptions.DefaultAttemptTaskStatuses;
        var tasks = new List<(string, DateTimeOffset?)>();
        foreach (var chunk in leadRecordIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            await QueryAllAsync(SalesforceSoql.TasksByWhoId(chunk), "Task", o, task =>
            {
                if (Str(task, "WhoId") is { } whoId && statuses.Contains(Str(task, "Status") ?? "", StringComparer.OrdinalIgnoreCase))
                {
                    tasks.Add((whoId, ParseDateTime(Str(task, "CreatedDate"))));
                }
            }, cancellationToken);
        }

        return tasks;
    }

    /// <summary>Runs one SOQL query and hands every record of every page to <paramref name="onRecord"/> (following <c>nextRecordsUrl</c> until <c>done</c>).</summary>
    private async Task QueryAllAsync(string soql, string what, SalesforceOptions o, Action<Dictionary<string, JsonElement>> onRecord, CancellationToken cancellationToken)
    {
        var response = await api.QueryAsync(o.ApiVersion, soql, cancellationToken);
        while (true)
        {
            SalesforceQueryResult page;
            using (response)
            {
                var outcome = Map(response, o);
                if (!outcome.Succeeded || response.Content is not { } content)
                {
                    throw new CrmUnavailableException(Name, outcome.Succeeded ? new CrmOutcome(CrmOutcomeKind.Transient, $"Empty {what} query response.") : outcome);
                }

                page = content;
            }

            foreach (var record in page.Records ?? [])
            {
                onRecord(record);
            }

            if (page.Done || page.NextRecordsUrl is not { Length: > 0 } next)
            {
                return;
            }

            response = await api.QueryMoreAsync(o.ApiVersion, next[(next.LastIndexOf('/') + 1)..], cancellationToken);
        }
    }

    /// <summary>15-character ids are the case-sensitive prefix of the 18-character form.</summary>
    private static bool SameId(string configured, string? current) =>
        current is not null && configured.Length >= 15 && current.Length >= 15
        && string.Equals(configured[..15], current[..15], StringComparison.Ordinal);

    /// <summary>
    /// The last usage reading at the ceiling stops calls, but only for <see cref="SalesforceOptions.QuotaRetryAfter"/>:
    /// the allocation rolls over 24 h and only a call brings a fresh reading, so the call after that wait is the probe.
    /// </summary>
    private CrmOutcome? Throttled(SalesforceOptions o) =>
        usage.Max > 0 && usage.Ratio >= o.ApiUsageCeiling && usage.Age < o.QuotaRetryAfter
            ? new CrmOutcome(CrmOutcomeKind.QuotaExhausted,
                $"Salesforce API usage {usage.Used}/{usage.Max} is at the configured ceiling ({o.ApiUsageCeiling:P0}).", o.QuotaRetryAfter - usage.Age)
            : null;

    /// <summary>Deletes the Lead keyed by the LeadSync id (the external id field); the record goes to the recycle bin.</summary>
    public async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        using var response = await api.DeleteLeadAsync(o.ApiVersion, o.ExternalIdField, subject.LeadId, cancellationToken);
        return CrmErasureMapper.From("crm:" + Name, response, Map(response, o));
    }

    private CrmOutcome Map(IApiResponse response, SalesforceOptions o) =>
        CrmResponseMapper.ToOutcome(response, CrmProvider.Salesforce, o.QuotaRetryAfter, time.GetUtcNow());

    private static CrmOutcome RecordError(SalesforceSaveResult saved, SalesforceOptions o)
    {
        var first = saved.Errors?.FirstOrDefault();
        return CrmResponseMapper.ClassifyRecordError(CrmProvider.Salesforce, first?.Code, first?.Message, o.QuotaRetryAfter);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Salesforce upsert for {Leads} failed: {Kind} (HTTP {Status})")]
    private static partial void LogUpsertFailed(ILogger logger, string leads, CrmOutcomeKind kind, int status);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Salesforce reassignment of lead {LeadId} failed: {Kind} (HTTP {Status})")]
    private static partial void LogReassignFailed(ILogger logger, string leadId, CrmOutcomeKind kind, int status);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Salesforce owner read-back failed ({Kind}); leads are synced without owner")]
    private static partial void LogOwnerReadFailed(ILogger logger, CrmOutcomeKind kind);
}

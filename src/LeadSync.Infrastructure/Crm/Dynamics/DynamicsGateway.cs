namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>
/// Dataverse lead adapter. Upserts by an alternate key holding the LeadSync id (a PATCH on the key is an upsert), so
/// a retry updates the same row; <c>Prefer: return=representation</c> returns the lead id and owner in the same call.
/// Touches come from statecode/statuscode and the lead's completed activities; a reassignment binds <c>ownerid</c> to
/// a team or systemuser.
/// </summary>
internal sealed partial class DynamicsGateway(
    IDynamicsApi api,
    IOptionsMonitor<DynamicsOptions> options,
    TimeProvider time,
    ILogger<DynamicsGateway> logger) : ICrmGateway
{
    private const string ReturnColumns = "leadid,_ownerid_value";
    private const int KeysPerQuery = 25;
    private const string ActivityColumns = "activityid,activitytypecode,statecode,actualend,createdon,_regardingobjectid_value";

    public string Name => CrmProviders.Dynamics;

    /// <summary>One PATCH per lead (no <c>$batch</c>): a bigger call saves no request, so the sync queue does not batch.</summary>
    public int MaxUpsertBatch => 1;

    public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var results = new CrmUpsertResult[leads.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, leads.Count),
            new ParallelOptions { MaxDegreeOfParallelism = o.MaxParallelRequests, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await UpsertOneAsync(leads[i], o, ct));
        return results;
    }

    public async Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var found = await QueryByKeyAsync(leads, o, cancellationToken);

        var activities = o.ReadActivities && found.Count > 0
            ? await ReadActivitiesAsync([.. found.Values.Select(r => r.LeadId).OfType<string>()], o, cancellationToken)
            : [];
        return [.. leads.Select(l => found.TryGetValue(l.Id, out var row)
            ? ToTouch(l.Id, row, row.LeadId is { } id ? activities.GetValueOrDefault(id) : null, o)
            : new CrmTouch(l.Id, CrmLeadState.Untouched))];
    }

    /// <summary>
    /// Binds the lead's <c>ownerid</c> to <c>/teams(id)</c> (the pool's Queue) or <c>/systemusers(id)</c> (one of its
    /// Owners) with <c>If-Match: *</c>, so a lead that is not there is a 404 and never created; the owner Dataverse
    /// stored comes back in the same response.
    /// </summary>
    public async Task<CrmReassignment> ReassignAsync(Lead lead, string pool, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var (choice, failure) = ReassignPicker.Pick(lead, pool, o.Reassign, DynamicsOptions.Section,
            (owner, current) => Guid.TryParse(owner, out var a) && Guid.TryParse(current, out var b) && a == b);
        if (failure is not null)
        {
            return failure;
        }

        return await BindOwnerAsync(lead, choice!.OwnerId, choice.IsQueue, cancellationToken);
    }

    /// <summary>Binds the lead's <c>ownerid</c> to <c>/systemusers(id)</c> (the routed rep), never creating a lead.</summary>
    public Task<CrmReassignment> AssignOwnerAsync(Lead lead, string ownerId, CancellationToken cancellationToken) =>
        Guid.TryParse(ownerId, out _)
            ? BindOwnerAsync(lead, ownerId, false, cancellationToken)
            : Task.FromResult(new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, "A Dataverse owner is a systemuserid (a GUID).")));

    private async Task<CrmReassignment> BindOwnerAsync(Lead lead, string ownerId, bool isTeam, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var target = Guid.Parse(ownerId).ToString("D", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, object> { ["ownerid@odata.bind"] = isTeam ? $"/teams({target})" : $"/systemusers({target})" };
        using var response = await api.UpsertLeadAsync(o.ApiVersion, o.AlternateKeyAttribute, Escape(lead.Id), "*", null, ReturnColumns, fields, cancellationToken);
        var outcome = Map(response);
        if (!outcome.Succeeded)
        {
            LogReassignFailed(logger, lead.Id, outcome.Kind, (int?)response.StatusCode ?? 0);
            return new CrmReassignment(outcome);
        }

        return new CrmReassignment(outcome, response.Content?.OwnerId ?? target);
    }

    public async Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;

        // When updating statecode always send the matching statuscode.
        var fields = new Dictionary<string, object> { ["statecode"] = o.RecycledStateCode, ["statuscode"] = o.RecycledStatusCode };
        if (lead.CrmId is { Length: > 0 } crmId && Guid.TryParse(crmId, out var id))
        {
            using var update = await api.UpdateLeadAsync(o.ApiVersion, id.ToString("D"), "*", fields, cancellationToken);
            return Map(update);
        }

        using var byKey = await api.UpsertLeadAsync(o.ApiVersion, o.AlternateKeyAttribute, Escape(lead.Id), "*", null, ReturnColumns, fields, cancellationToken);
        return Map(byKey);
    }

    private async Task<CrmUpsertResult> UpsertOneAsync(Lead lead, DynamicsOptions o, CancellationToken cancellationToken)
    {
        var fields = CanonicalField.Map(lead, o.Fields).ToDictionary(kv => kv.Key, kv => (object)kv.Value, StringComparer.Ordinal);

        // The owner LeadSync's routing chose, on the first write only: once the record exists, sales own its owner.
        if (lead.RoutedOwner is { Length: > 0 } owner && lead.CrmId is null && Guid.TryParse(owner, out var ownerGuid))
        {
            fields["ownerid@odata.bind"] = $"/systemusers({ownerGuid.ToString("D", CultureInfo.InvariantCulture)})";
        }

        var (ifMatch, ifNoneMatch) = o.WriteMode switch
        {
            DynamicsWriteMode.CreateOnly => (null, "*"),
            DynamicsWriteMode.UpdateOnly => ("*", (string?)null),
            _ => ((string?)null, (string?)null),
        };

        using var response = await api.UpsertLeadAsync(o.ApiVersion, o.AlternateKeyAttribute, Escape(lead.Id), ifMatch, ifNoneMatch, ReturnColumns, fields, cancellationToken);
        if (o.WriteMode == DynamicsWriteMode.CreateOnly && response.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            // "A record with matching key values already exists": an earlier attempt created it. Read it back.
            return await ReadExistingAsync(lead, o, cancellationToken);
        }

        var outcome = Map(response);
        if (!outcome.Succeeded)
        {
            LogUpsertFailed(logger, lead.Id, outcome.Kind, (int?)response.StatusCode ?? 0);
            return new CrmUpsertResult(lead.Id, outcome);
        }

        var id = response.Content?.LeadId ?? EntityIdFrom(response);
        return new CrmUpsertResult(lead.Id, outcome, id, response.Content?.OwnerId);
    }

    private async Task<CrmUpsertResult> ReadExistingAsync(Lead lead, DynamicsOptions o, CancellationToken cancellationToken)
    {
        using var existing = await api.GetLeadAsync(o.ApiVersion, o.AlternateKeyAttribute, Escape(lead.Id), ReturnColumns, cancellationToken);
        var outcome = Map(existing);
        return outcome.Succeeded
            ? new CrmUpsertResult(lead.Id, outcome, existing.Content?.LeadId, existing.Content?.OwnerId)
            : new CrmUpsertResult(lead.Id, outcome);
    }

    /// <summary>Completed activities regarding the leads, summed up per lead (count and earliest).</summary>
    private async Task<Dictionary<string, DynamicsActivitySummary>> ReadActivitiesAsync(List<string> leadIds, DynamicsOptions o, CancellationToken cancellationToken)
    {
        var summary = new Dictionary<string, DynamicsActivitySummary>(StringComparer.OrdinalIgnoreCase);
        foreach (var (leadId, at) in await ReadAttemptActivitiesAsync(leadIds, o, cancellationToken))
        {
            var seen = summary.GetValueOrDefault(leadId) ?? new DynamicsActivitySummary(0, null);
            summary[leadId] = new DynamicsActivitySummary(seen.Attempts + 1, seen.FirstAt is { } first && (at is null || first <= at) ? first : at);
        }

        return summary;
    }

    /// <summary>
    /// Completed activities (<c>statecode eq 1</c>) of the attempt types regarding the leads, 25 leads per query, every
    /// page: Dataverse pages at 5,000 rows (or the <c>odata.maxpagesize</c> asked for) and names the next one in
    /// <c>@odata.nextLink</c>, whose <c>$skiptoken</c> is sent with the same query. (regarding lead id, actualend ?? createdon).
    /// </summary>
    private async Task<List<(string LeadId, DateTimeOffset? At)>> ReadAttemptActivitiesAsync(List<string> leadIds, DynamicsOptions o, CancellationToken cancellationToken)
    {
        var types = o.AttemptActivityTypes.Count > 0 ? o.AttemptActivityTypes : DynamicsOptions.DefaultAttemptActivityTypes;
        var found = new List<(string, DateTimeOffset?)>();
        foreach (var chunk in leadIds.Where(id => Guid.TryParse(id, out _)).Distinct(StringComparer.OrdinalIgnoreCase).Chunk(KeysPerQuery))
        {
            var regarding = string.Join(" or ", chunk.Select(id => $"_regardingobjectid_value eq {Guid.Parse(id):D}"));
            var filter = $"({regarding}) and statecode eq 1";
            string? skipToken = null;
            do
            {
                using var response = await api.QueryActivitiesAsync(o.ApiVersion, ActivityColumns, filter, skipToken, cancellationToken);
                var outcome = Map(response);
                if (!outcome.Succeeded)
                {
                    throw new CrmUnavailableException(Name, outcome);
                }

                foreach (var activity in response.Content?.Value ?? [])
                {
                    if (activity.RegardingId is { } leadId && activity.StateCode == 1
                        && types.Contains(activity.TypeCode ?? "", StringComparer.OrdinalIgnoreCase))
                    {
                        found.Add((leadId, activity.ActualEnd ?? activity.CreatedOn));
                    }
                }

                skipToken = SkipToken(response.Content?.NextLink);
            }
            while (skipToken is not null);
        }

        return found;
    }

    /// <summary>The <c>$skiptoken</c> of an <c>@odata.nextLink</c>, or null when there is no further page.</summary>
    internal static string? SkipToken(string? nextLink)
    {
        if (string.IsNullOrEmpty(nextLink) || !Uri.TryCreate(nextLink, UriKind.Absolute, out var uri))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && Uri.UnescapeDataString(pair[..eq]) == "$skiptoken")
            {
                return Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static CrmTouch ToTouch(string leadId, DynamicsLead row, DynamicsActivitySummary? activity, DynamicsOptions o)
    {
        var contacted = o.ContactedStatusCodes.Count > 0 ? o.ContactedStatusCodes : DynamicsOptions.DefaultContactedStatusCodes;
        var state = row.StateCode switch
        {
            1 => CrmLeadState.Converted,
            2 when row.StatusCode == o.RecycledStatusCode || (row.StatusCode is { } s && o.NurtureStatusCodes.Contains(s)) => CrmLeadState.Nurture,
            2 => CrmLeadState.Disqualified,
            _ when row.StatusCode == o.RecycledStatusCode && row.StateCode == o.RecycledStateCode => CrmLeadState.Nurture,
            _ when row.StatusCode is { } s && contacted.Contains(s) => CrmLeadState.Contacted,
            _ when activity?.Attempts > 0 => CrmLeadState.Contacted,
            _ => CrmLeadState.Untouched,
        };
        return new CrmTouch(leadId, state, activity?.FirstAt, activity?.Attempts ?? 0, row.OwnerId);
    }

    /// <summary>Without a representation Dataverse still names the row in <c>OData-EntityId: …/leads(guid)</c>.</summary>
    private static string? EntityIdFrom(IApiResponse response)
    {
        IEnumerable<string>? values = null;
        if (response.Headers?.TryGetValues("OData-EntityId", out values) != true || values?.FirstOrDefault() is not { } url)
        {
            return null;
        }

        var open = url.LastIndexOf('(');
        var close = url.LastIndexOf(')');
        return open >= 0 && close > open && Guid.TryParse(url.AsSpan(open + 1, close - open - 1), out var id)
            ? id.ToString("D", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>OData string literal inside a key or filter: single quotes are doubled.</summary>
    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    private static string Literal(string value) => $"'{Escape(value)}'";

    /// <summary>Deletes the lead row keyed by the LeadSync id (the alternate key).</summary>
    public async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        using var response = await api.DeleteLeadAsync(o.ApiVersion, o.AlternateKeyAttribute, Escape(subject.LeadId), cancellationToken);
        return CrmErasureMapper.From("crm:" + Name, response, Map(response));
    }

    private CrmOutcome Map(IApiResponse response) =>
        CrmResponseMapper.ToOutcome(response, CrmProvider.Dynamics, TimeSpan.FromMinutes(5), time.GetUtcNow());

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Dynamics reassignment of lead {LeadId} failed: {Kind} (HTTP {Status})")]
    private static partial void LogReassignFailed(ILogger logger, string leadId, CrmOutcomeKind kind, int status);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "Dynamics upsert of lead {LeadId} failed: {Kind} (HTTP {Status})")]
    private static partial void LogUpsertFailed(ILogger logger, string leadId, CrmOutcomeKind kind, int status);
}

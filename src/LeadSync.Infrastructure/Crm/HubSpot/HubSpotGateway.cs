namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>
/// HubSpot contact adapter. Batch-upserts by e-mail (the contact's unique key), so a retry updates the same contact;
/// sets the lead status and reads the owner from the upsert result; touches and attempt counts come from contact
/// properties (batch read); a reassignment writes the owner property.
/// </summary>
internal sealed partial class HubSpotGateway(
    IHubSpotApi api,
    HubSpotDailyQuota dailyQuota,
    IOptionsMonitor<HubSpotOptions> options,
    TimeProvider time,
    ILogger<HubSpotGateway> logger,
    [FromKeyedServices(CrmProvider.HubSpot)] RateLimiter limiter) : ICrmGateway
{
    private const string EmailProperty = "email";

    public string Name => CrmProviders.HubSpot;

    /// <summary>One batch upsert request carries up to <c>BatchSize</c> (≤ 100) contacts.</summary>
    public int MaxUpsertBatch => options.CurrentValue.BatchSize;

    /// <summary>False while the process-wide limiter for this provider has no permit free.</summary>
    public bool CanCallWithoutWaiting => LimiterPermits.AvailableNow(limiter);

    public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            return [.. leads.Select(l => new CrmUpsertResult(l.Id, stop))];
        }

        var results = new Dictionary<string, CrmUpsertResult>(StringComparer.Ordinal);
        var withoutEmail = leads.Where(l => string.IsNullOrWhiteSpace(l.Contact.Email)).ToList();
        foreach (var lead in withoutEmail)
        {
            results[lead.Id] = new CrmUpsertResult(lead.Id, new CrmOutcome(CrmOutcomeKind.Permanent, "HubSpot upserts contacts by e-mail and this lead has none."));
        }

        // One input per e-mail: HubSpot rejects a batch that names the same contact twice; later leads win.
        var byEmail = leads.Except(withoutEmail)
            .GroupBy(l => l.Contact.Email!.Trim().ToLowerInvariant())
            .ToList();
        foreach (var chunk in byEmail.Chunk(o.BatchSize))
        {
            foreach (var result in await UpsertChunkAsync(chunk, o, cancellationToken))
            {
                results[result.LeadId] = result;
            }
        }

        return [.. leads.Select(l => results[l.Id])];
    }

    public async Task<IReadOnlyList<CrmTouch>> GetTouchesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var properties = new[] { EmailProperty, o.LeadStatusProperty, o.LastContactedProperty, o.LastSalesActivityProperty, o.AttemptsProperty, o.OwnerProperty }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToArray();
        var byId = leads.Where(l => l.CrmId is { Length: > 0 }).ToList();
        var byEmail = leads.Where(l => l.CrmId is not { Length: > 0 } && !string.IsNullOrWhiteSpace(l.Contact.Email)).ToList();

        var found = new Dictionary<string, HubSpotObject>(StringComparer.Ordinal);
        foreach (var chunk in byId.Chunk(o.BatchSize))
        {
            var read = await ReadAsync(chunk.Select(l => l.CrmId!), null, properties, cancellationToken);
            foreach (var lead in chunk)
            {
                if (read.FirstOrDefault(r => r.Id == lead.CrmId) is { } contact)
                {
                    found[lead.Id] = contact;
                }
            }
        }

        foreach (var chunk in byEmail.Chunk(o.BatchSize))
        {
            var read = await ReadAsync(chunk.Select(l => l.Contact.Email!.Trim()), EmailProperty, properties, cancellationToken);
            foreach (var lead in chunk)
            {
                if (read.FirstOrDefault(r => SameEmail(r, lead.Contact.Email)) is { } contact)
                {
                    found[lead.Id] = contact;
                }
            }
        }

        return [.. leads.Select(l => found.TryGetValue(l.Id, out var c) ? ToTouch(l.Id, c, o) : new CrmTouch(l.Id, CrmLeadState.Untouched))];
    }

    public async Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            return stop;
        }

        var (contactId, idProperty) = lead.CrmId is { Length: > 0 } id ? (id, (string?)null)
            : lead.Contact.Email is { Length: > 0 } email ? (email.Trim(), EmailProperty)
            : (null, null);
        if (contactId is null)
        {
            return new CrmOutcome(CrmOutcomeKind.Permanent, "Neither a HubSpot contact id nor an e-mail to find the contact by.");
        }

        var input = new HubSpotPropertiesInput(new Dictionary<string, string> { [o.LeadStatusProperty] = o.RecycledLeadStatus });
        using var response = await api.UpdateContactAsync(contactId, idProperty, input, cancellationToken);
        return Map(response);
    }

    /// <summary>
    /// GDPR delete of the contact (by id, else by e-mail). HubSpot also blocks an e-mail it does not know from being
    /// used again, which is what an erasure asks for.
    /// </summary>
    public async Task<TargetErasure> EraseAsync(ErasureIdentity subject, CancellationToken cancellationToken)
    {
        const string target = "crm:hubspot";
        if (QuotaStop() is { } stop)
        {
            return TargetErasure.Failure(target, transient: true, stop.Reason ?? "HubSpot daily quota spent.");
        }

        var input = subject.CrmId is { Length: > 0 } id ? new HubSpotGdprDelete(id, null)
            : subject.Email is { Length: > 0 } email ? new HubSpotGdprDelete(email.Trim(), EmailProperty)
            : null;
        if (input is null)
        {
            return TargetErasure.NotFound(target);
        }

        using var response = await api.GdprDeleteAsync(input, cancellationToken);
        return CrmErasureMapper.From(target, response, Map(response));
    }

    /// <summary>Writes the owner property (<c>hubspot_owner_id</c>) on the contact, by id or else by e-mail.</summary>
    public async Task<CrmReassignment> ReassignAsync(Lead lead, string pool, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var (choice, failure) = ReassignPicker.Pick(lead, pool, o.Reassign, HubSpotOptions.Section,
            (owner, current) => string.Equals(owner, current, StringComparison.Ordinal));
        if (failure is not null)
        {
            return failure;
        }

        if (QuotaStop() is { } stop)
        {
            return new CrmReassignment(stop);
        }

        return await AssignOwnerAsync(lead, choice!.OwnerId, cancellationToken);
    }

    /// <summary>Writes the owner property on the existing contact (by id, else by e-mail).</summary>
    public async Task<CrmReassignment> AssignOwnerAsync(Lead lead, string ownerId, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            return new CrmReassignment(stop);
        }

        var (contactId, idProperty) = ContactKey(lead);
        if (contactId is null)
        {
            return new CrmReassignment(new CrmOutcome(CrmOutcomeKind.Permanent, "Neither a HubSpot contact id nor an e-mail to find the contact by."));
        }

        var input = new HubSpotPropertiesInput(new Dictionary<string, string> { [o.OwnerProperty] = ownerId });
        using var response = await api.UpdateContactAsync(contactId, idProperty, input, cancellationToken);
        var outcome = Map(response);
        if (!outcome.Succeeded)
        {
            LogReassignFailed(logger, lead.Id, outcome.Kind, (int?)response.StatusCode ?? 0);
            return new CrmReassignment(outcome);
        }

        return new CrmReassignment(outcome, ownerId);
    }

    private static (string? Id, string? IdProperty) ContactKey(Lead lead) =>
        lead.CrmId is { Length: > 0 } id ? (id, null)
        : lead.Contact.Email is { Length: > 0 } email ? (email.Trim(), EmailProperty)
        : (null, null);

    private async Task<IEnumerable<CrmUpsertResult>> UpsertChunkAsync(IGrouping<string, Lead>[] chunk, HubSpotOptions o, CancellationToken cancellationToken)
    {
        // Never backwards: the new-lead status goes only onto contacts that are new, open, or back from nurture.
        var keepStatus = string.IsNullOrWhiteSpace(o.NewLeadStatus) || !o.KeepWorkedStatus ? [] : await StatusesToKeepAsync(chunk, o, cancellationToken);
        var ownersToKeep = await OwnersToKeepAsync(chunk, o, cancellationToken);
        var inputs = chunk.Select(group =>
        {
            var lead = group.Last();
            var properties = CanonicalField.Map(lead, o.Fields);
            properties[EmailProperty] = group.Key;
            if (lead.RoutedOwner is { Length: > 0 } routed && lead.CrmId is null && !ownersToKeep.Contains(group.Key))
            {
                properties[o.OwnerProperty] = routed;
            }

            if (!string.IsNullOrWhiteSpace(o.NewLeadStatus) && !keepStatus.Contains(group.Key))
            {
                properties[o.LeadStatusProperty] = o.NewLeadStatus;
            }

            return new HubSpotUpsertInput(group.Key, EmailProperty, lead.Id, properties);
        }).ToList();

        using var response = await api.UpsertContactsAsync(new HubSpotUpsertBatch(inputs), cancellationToken);
        var outcome = Map(response);
        if (!outcome.Succeeded || response.Content is not { } batch)
        {
            var failed = outcome.Succeeded ? new CrmOutcome(CrmOutcomeKind.Transient, "HubSpot returned no batch result.") : outcome;
            LogUpsertFailed(logger, inputs.Count, failed.Kind, (int?)response.StatusCode ?? 0);
            return chunk.SelectMany(g => g.Select(l => new CrmUpsertResult(l.Id, failed)));
        }

        var results = batch.Results ?? [];
        var errors = batch.Errors ?? [];
        var single = inputs.Count == 1;
        return chunk.SelectMany(group =>
        {
            var traceId = group.Last().Id;
            var contact = results.FirstOrDefault(r => r.ObjectWriteTraceId == traceId)
                ?? results.FirstOrDefault(r => SameEmail(r, group.Key))
                ?? (single && results.Count == 1 && errors.Count == 0 ? results[0] : null);
            var error = errors.FirstOrDefault(e => Mentions(e, traceId, group.Key))
                ?? (single && contact is null && errors.Count == 1 ? errors[0] : null);
            var result = contact is not null
                ? new CrmUpsertResult(traceId, CrmOutcome.Success, contact.Id, Property(contact, o.OwnerProperty))
                : error is not null
                    ? new CrmUpsertResult(traceId, CrmResponseMapper.ClassifyRecordError(CrmProvider.HubSpot, error.Category, error.Message, dailyQuota.UntilReset()))
                    : new CrmUpsertResult(traceId, new CrmOutcome(CrmOutcomeKind.Transient, "HubSpot did not report this contact in the batch result.") { AboutRecord = true });
            return group.Select(l => result with { LeadId = l.Id });
        }).ToList();
    }

    /// <summary>
    /// The e-mails of routed leads whose contact already exists with an owner: the upsert leaves that owner alone (an
    /// owner sales set is never overwritten). One batch read, only when the chunk has routed leads; when it fails no
    /// routed owner is written (the CRM's rules then choose, as without routing).
    /// </summary>
    private async Task<HashSet<string>> OwnersToKeepAsync(IGrouping<string, Lead>[] chunk, HubSpotOptions o, CancellationToken cancellationToken)
    {
        var routed = chunk.Where(g => g.Last() is { RoutedOwner.Length: > 0, CrmId: null }).Select(g => g.Key).ToList();
        var keep = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (routed.Count == 0)
        {
            return keep;
        }

        try
        {
            foreach (var contact in await ReadAsync(routed, EmailProperty, [EmailProperty, o.OwnerProperty], cancellationToken))
            {
                if (Property(contact, EmailProperty) is { } email && Property(contact, o.OwnerProperty) is not null)
                {
                    keep.Add(email.Trim());
                }
            }
        }
        catch (CrmUnavailableException)
        {
            keep.UnionWith(routed);
        }

        return keep;
    }

    private async Task<IReadOnlyList<HubSpotObject>> ReadAsync(IEnumerable<string> ids, string? idProperty, string[] properties, CancellationToken cancellationToken)
    {
        var batch = new HubSpotReadBatch([.. ids.Distinct(StringComparer.OrdinalIgnoreCase).Select(id => new HubSpotObjectId(id))], properties, [], idProperty);
        using var response = await api.ReadContactsAsync(batch, cancellationToken);
        var outcome = Map(response);
        if (!outcome.Succeeded)
        {
            throw new CrmUnavailableException(Name, outcome);
        }

        // A 207 lists unknown ids as errors: those contacts simply are not there (yet), i.e. untouched.
        return response.Content?.Results ?? [];
    }

    private static CrmTouch ToTouch(string leadId, HubSpotObject contact, HubSpotOptions o)
    {
        var status = Property(contact, o.LeadStatusProperty);
        var lastContacted = ParseDate(Property(contact, o.LastContactedProperty));
        var lastSalesActivity = ParseDate(Property(contact, o.LastSalesActivityProperty));
        var counted = ParseCount(Property(contact, o.AttemptsProperty));
        var touchedAt = lastContacted ?? lastSalesActivity;
        var attempts = counted ?? (touchedAt is null ? 0 : 1);
        var state = In(status, o.ConvertedStatuses, HubSpotOptions.DefaultConvertedStatuses) ? CrmLeadState.Converted
            : In(status, o.DisqualifiedStatuses, HubSpotOptions.DefaultDisqualifiedStatuses) ? CrmLeadState.Disqualified
            : string.Equals(status, o.RecycledLeadStatus, StringComparison.OrdinalIgnoreCase) || In(status, o.NurtureStatuses, []) ? CrmLeadState.Nurture
            : In(status, o.ContactedStatuses, HubSpotOptions.DefaultContactedStatuses) || touchedAt is not null || attempts > 0 ? CrmLeadState.Contacted
            : CrmLeadState.Untouched;
        return new CrmTouch(leadId, state, touchedAt, attempts, Property(contact, o.OwnerProperty));
    }

    /// <summary>HubSpot datetime properties arrive as ISO-8601 or as epoch milliseconds depending on the property.</summary>
    internal static DateTimeOffset? ParseDate(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : null;

    /// <summary>Number properties arrive as strings, sometimes with a decimal part ("3.0").</summary>
    private static int? ParseCount(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < int.MaxValue ? (int)n : null;

    private static bool In(string? status, IList<string> configured, string[] defaults) =>
        status is not null && (configured.Count > 0 ? configured : defaults).Contains(status, StringComparer.OrdinalIgnoreCase);

    private static string? Property(HubSpotObject contact, string name) =>
        contact.Properties is { } p && p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    private static bool SameEmail(HubSpotObject contact, string? email) =>
        email is not null && string.Equals(Property(contact, EmailProperty)?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Mentions(HubSpotError error, string traceId, string email) =>
        error.Context is { } context && context.Values.Any(values => values.Any(v =>
            string.Equals(v, traceId, StringComparison.Ordinal) || string.Equals(v, email, StringComparison.OrdinalIgnoreCase)));

    private CrmOutcome? QuotaStop() => dailyQuota.Remaining is { } left
        ? new CrmOutcome(CrmOutcomeKind.QuotaExhausted, "HubSpot daily API limit reached; waiting for the daily reset.", left)
        : null;

    private CrmOutcome Map(IApiResponse response)
    {
        var outcome = CrmResponseMapper.ToOutcome(response, CrmProvider.HubSpot, dailyQuota.UntilReset(), time.GetUtcNow());
        var dailyRemaining = response.IsReceived && response.Headers.TryGetValues("X-HubSpot-RateLimit-Daily-Remaining", out var v) ? v.FirstOrDefault() : null;
        if (outcome.Kind == CrmOutcomeKind.QuotaExhausted || dailyRemaining == "0")
        {
            dailyQuota.MarkExhausted();
            LogDailyLimit(logger, dailyQuota.UntilReset());
        }

        return outcome;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "HubSpot batch upsert of {Count} contacts failed: {Kind} (HTTP {Status})")]
    private static partial void LogUpsertFailed(ILogger logger, int count, CrmOutcomeKind kind, int status);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "HubSpot reassignment of lead {LeadId} failed: {Kind} (HTTP {Status})")]
    private static partial void LogReassignFailed(ILogger logger, string leadId, CrmOutcomeKind kind, int status);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "HubSpot daily API limit reached; pausing for {Wait}")]
    private static partial void LogDailyLimit(ILogger logger, TimeSpan wait);
}

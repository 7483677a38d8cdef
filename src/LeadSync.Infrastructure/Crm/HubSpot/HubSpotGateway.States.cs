namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>The batch state read: one <c>contacts/batch/read</c> per up to 100 contacts, by id or else by e-mail.</summary>
internal sealed partial class HubSpotGateway
{
    /// <summary>A batch read carries up to <c>BatchSize</c> (≤ 100) contacts.</summary>
    public int MaxStateReadBatch => options.CurrentValue.BatchSize;

    public async Task<IReadOnlyList<CrmRecordState>> ReadStatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var properties = new[]
            {
                EmailProperty, o.LeadStatusProperty, o.LifecycleStageProperty, o.DealCountProperty, o.OwnerProperty,
                o.LastContactedProperty, o.LastSalesActivityProperty,
            }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, HubSpotObject>(StringComparer.Ordinal);
        foreach (var chunk in leads.Where(l => l.CrmId is { Length: > 0 }).Chunk(o.BatchSize))
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

        foreach (var chunk in leads.Where(l => l.CrmId is not { Length: > 0 } && !string.IsNullOrWhiteSpace(l.Contact.Email)).Chunk(o.BatchSize))
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

        return [.. leads.Select(l => found.TryGetValue(l.Id, out var c) ? ToState(l.Id, c, o) : new CrmRecordState(l.Id, CrmFunnelStage.Missing))];
    }

    /// <summary>
    /// The e-mails (of one upsert chunk) whose contact must keep its lead status: one batch read by e-mail before the
    /// upsert; a contact sales has worked, closed or linked to a deal keeps its status (README "Never backwards"). When
    /// the read fails the status is left alone for the whole chunk: LeadSync never writes a status on a guess, and
    /// the upsert itself still goes.
    /// </summary>
    private async Task<HashSet<string>> StatusesToKeepAsync(IGrouping<string, Lead>[] chunk, HubSpotOptions o, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var properties = new[] { EmailProperty, o.LeadStatusProperty, o.LifecycleStageProperty, o.DealCountProperty, o.LastContactedProperty, o.LastSalesActivityProperty }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToArray();
        try
        {
            foreach (var contact in await ReadAsync(chunk.Select(g => g.Key), EmailProperty, properties, cancellationToken))
            {
                if (Property(contact, EmailProperty) is { } email && !CrmFunnel.MayWrite(ToState(email, contact, o).Stage, CrmFunnelStage.Open))
                {
                    keep.Add(email.Trim());
                }
            }
        }
        catch (CrmUnavailableException ex)
        {
            LogStatusReadFailed(logger, chunk.Length, ex.Outcome?.Kind ?? CrmOutcomeKind.Transient);
            keep.UnionWith(chunk.Select(g => g.Key));
        }

        return keep;
    }

    /// <summary>
    /// Status → funnel stage with the configured lists (README "Never backwards"): converted by status, lifecycle stage
    /// or an associated deal; then disqualified, nurture, working (status or a logged sales activity), else open.
    /// </summary>
    internal static CrmRecordState ToState(string leadId, HubSpotObject contact, HubSpotOptions o)
    {
        var status = Property(contact, o.LeadStatusProperty);
        var lifecycle = string.IsNullOrWhiteSpace(o.LifecycleStageProperty) ? null : Property(contact, o.LifecycleStageProperty);
        var deals = string.IsNullOrWhiteSpace(o.DealCountProperty) ? null : ParseCount(Property(contact, o.DealCountProperty));
        var touchedAt = ParseDate(Property(contact, o.LastSalesActivityProperty)) ?? ParseDate(Property(contact, o.LastContactedProperty));
        var converted = In(status, o.ConvertedStatuses, HubSpotOptions.DefaultConvertedStatuses)
            || In(lifecycle, o.ConvertedLifecycleStages, HubSpotOptions.DefaultConvertedLifecycleStages)
            || deals > 0;
        var stage = converted ? CrmFunnelStage.Converted
            : In(status, o.DisqualifiedStatuses, HubSpotOptions.DefaultDisqualifiedStatuses) ? CrmFunnelStage.Disqualified
            : string.Equals(status, o.RecycledLeadStatus, StringComparison.OrdinalIgnoreCase) || In(status, o.NurtureStatuses, []) ? CrmFunnelStage.Nurture
            : In(status, o.ContactedStatuses, HubSpotOptions.DefaultContactedStatuses) || touchedAt is not null ? CrmFunnelStage.Working
            : CrmFunnelStage.Open;
        return new CrmRecordState(leadId, stage, status, lifecycle, converted, Property(contact, o.OwnerProperty), touchedAt);
    }

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "HubSpot status read before the upsert of {Count} contacts failed ({Kind}); their lead status is left as it is")]
    private static partial void LogStatusReadFailed(ILogger logger, int count, CrmOutcomeKind kind);
}

namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>The follow-up cadence's activity read: call, e-mail and meeting engagements associated with the contacts.</summary>
internal sealed partial class HubSpotGateway
{
    private const string TimestampProperty = "hs_timestamp";
    private const string EmailDirectionProperty = "hs_email_direction";

    /// <summary>
    /// Contacts without a known id are found by e-mail (one batch read per 100). Then per engagement type: one
    /// associations v4 batch read per 100 contacts (again with <c>after</c> for each contact whose list goes on) and
    /// one batch read per 100 engagements for their <c>hs_timestamp</c>. Incoming e-mails are not attempts.
    /// </summary>
    public async Task<IReadOnlyList<CrmAttempts>> ReadAttemptsAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (QuotaStop() is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        if (!o.ReadEngagements)
        {
            return [.. (await GetTouchesAsync(leads, cancellationToken)).Select(t => new CrmAttempts(t.LeadId, [], t.Attempts))];
        }

        var contactOf = await ContactIdsAsync(leads, o, cancellationToken);
        var times = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        var types = o.AttemptEngagementTypes.Count > 0 ? o.AttemptEngagementTypes : HubSpotOptions.DefaultAttemptEngagementTypes;
        foreach (var type in types)
        {
            var associated = await AssociatedAsync([.. contactOf.Values.Distinct(StringComparer.Ordinal)], type, o, cancellationToken);
            var at = await TimestampsAsync(type, [.. associated.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal)], o, cancellationToken);
            foreach (var (contactId, engagements) in associated)
            {
                foreach (var id in engagements)
                {
                    if (at.TryGetValue(id, out var instant))
                    {
                        (times.TryGetValue(contactId, out var list) ? list : times[contactId] = []).Add(instant);
                    }
                }
            }
        }

        return [.. leads.Select(l => new CrmAttempts(l.Id,
            contactOf.TryGetValue(l.Id, out var contactId) && times.TryGetValue(contactId, out var list) ? [.. list.Order()] : []))];
    }

    /// <summary>LeadSync id → HubSpot contact id: the stored one, else the contact found by e-mail.</summary>
    private async Task<Dictionary<string, string>> ContactIdsAsync(IReadOnlyList<Lead> leads, HubSpotOptions o, CancellationToken cancellationToken)
    {
        var contactOf = leads.Where(l => l.CrmId is { Length: > 0 }).ToDictionary(l => l.Id, l => l.CrmId!, StringComparer.Ordinal);
        var byEmail = leads.Where(l => l.CrmId is not { Length: > 0 } && !string.IsNullOrWhiteSpace(l.Contact.Email)).ToList();
        foreach (var chunk in byEmail.Chunk(o.BatchSize))
        {
            var read = await ReadAsync(chunk.Select(l => l.Contact.Email!.Trim()), EmailProperty, [EmailProperty], cancellationToken);
            foreach (var lead in chunk)
            {
                if (read.FirstOrDefault(r => SameEmail(r, lead.Contact.Email)) is { Id: { } id })
                {
                    contactOf[lead.Id] = id;
                }
            }
        }

        return contactOf;
    }

    /// <summary>Contact id → ids of its associated <paramref name="type"/> objects, all pages.</summary>
    private async Task<Dictionary<string, List<string>>> AssociatedAsync(List<string> contactIds, string type, HubSpotOptions o, CancellationToken cancellationToken)
    {
        var associated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = contactIds.Select(id => new HubSpotAssociationInput(id)).ToList();
        while (pending.Count > 0)
        {
            var further = new List<HubSpotAssociationInput>();
            foreach (var chunk in pending.Chunk(o.BatchSize))
            {
                using var response = await api.ReadContactAssociationsAsync(type, new HubSpotAssociationBatchRead(chunk), cancellationToken);
                var outcome = Map(response);
                if (!outcome.Succeeded)
                {
                    throw new CrmUnavailableException(Name, outcome);
                }

                // A 207 lists contacts without any such association as errors: they simply have none.
                foreach (var result in response.Content?.Results ?? [])
                {
                    if (result.From?.Id is not { } from)
                    {
                        continue;
                    }

                    var list = associated.TryGetValue(from, out var l) ? l : associated[from] = [];
                    list.AddRange((result.To ?? []).Select(t => t.Id).OfType<string>());
                    if (result.Paging?.Next?.After is { Length: > 0 } after)
                    {
                        further.Add(new HubSpotAssociationInput(from, after));
                    }
                }
            }

            pending = further;
        }

        return associated;
    }

    /// <summary>Engagement id → <c>hs_timestamp</c>, outgoing only for e-mails; batch reads of 100.</summary>
    private async Task<Dictionary<string, DateTimeOffset>> TimestampsAsync(string type, List<string> ids, HubSpotOptions o, CancellationToken cancellationToken)
    {
        var at = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(o.BatchSize))
        {
            var batch = new HubSpotReadBatch([.. chunk.Select(id => new HubSpotObjectId(id))], [TimestampProperty, EmailDirectionProperty], [], null);
            using var response = await api.ReadObjectsAsync(type, batch, cancellationToken);
            var outcome = Map(response);
            if (!outcome.Succeeded)
            {
                throw new CrmUnavailableException(Name, outcome);
            }

            foreach (var engagement in response.Content?.Results ?? [])
            {
                if (engagement.Id is { } id && ParseDate(Property(engagement, TimestampProperty)) is { } instant
                    && !string.Equals(Property(engagement, EmailDirectionProperty), "INCOMING_EMAIL", StringComparison.OrdinalIgnoreCase))
                {
                    at[id] = instant;
                }
            }
        }

        return at;
    }
}

namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The batch state read: one <c>leads?$filter=key eq … or …</c> query per 25 alternate keys.</summary>
internal sealed partial class DynamicsGateway
{
    public int MaxStateReadBatch => KeysPerQuery;

    public async Task<IReadOnlyList<CrmRecordState>> ReadStatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var found = await QueryByKeyAsync(leads, o, cancellationToken);

        return [.. leads.Select(l => found.TryGetValue(l.Id, out var row) ? ToState(l.Id, row, o) : new CrmRecordState(l.Id, CrmFunnelStage.Missing))];
    }

    /// <summary>
    /// statecode/statuscode → funnel stage (README "Never backwards"): statecode 1 (Qualified: an opportunity was made)
    /// is converted; statecode 2 is disqualified unless its statuscode is LeadSync's recycled one or a nurture code; an
    /// open lead is working when its statuscode is a contacted one (default 2), else open.
    /// </summary>
    private static CrmRecordState ToState(string leadId, DynamicsLead row, DynamicsOptions o)
    {
        var contacted = o.ContactedStatusCodes.Count > 0 ? o.ContactedStatusCodes : DynamicsOptions.DefaultContactedStatusCodes;
        var nurture = row.StatusCode is { } code && (code == o.RecycledStatusCode || o.NurtureStatusCodes.Contains(code))
            && (row.StateCode == o.RecycledStateCode || row.StateCode == 2);
        var stage = row.StateCode switch
        {
            1 => CrmFunnelStage.Converted,
            _ when nurture => CrmFunnelStage.Nurture,
            2 => CrmFunnelStage.Disqualified,
            _ when row.StatusCode is { } s && contacted.Contains(s) => CrmFunnelStage.Working,
            _ => CrmFunnelStage.Open,
        };
        var status = $"statecode {row.StateCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, statuscode {row.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}";
        return new CrmRecordState(leadId, stage, status, null, row.StateCode == 1, row.OwnerId);
    }

    /// <summary>
    /// The Dataverse rows of <paramref name="leads"/> by LeadSync id (the alternate key), 25 keys per query; shared by
    /// the touch check and the state read. A failed query throws <see cref="CrmUnavailableException"/>.
    /// </summary>
    private async Task<Dictionary<string, DynamicsLead>> QueryByKeyAsync(IReadOnlyList<Lead> leads, DynamicsOptions o, CancellationToken cancellationToken)
    {
        var key = o.AlternateKeyAttribute;
        var found = new Dictionary<string, DynamicsLead>(StringComparer.Ordinal);
        foreach (var chunk in leads.Select(l => l.Id).Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
        {
            var filter = string.Join(" or ", chunk.Select(id => $"{key} eq {Literal(id)}"));
            using var response = await api.QueryLeadsAsync(o.ApiVersion, $"leadid,{key},statecode,statuscode,_ownerid_value", filter, cancellationToken);
            var outcome = Map(response);
            if (!outcome.Succeeded)
            {
                throw new CrmUnavailableException(Name, outcome);
            }

            foreach (var row in response.Content?.Value ?? [])
            {
                if (row.Other is { } other && other.TryGetValue(key, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String
                    && v.GetString() is { } leadId)
                {
                    found[leadId] = row;
                }
            }
        }

        return found;
    }
}

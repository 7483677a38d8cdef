namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The batch state read: one SOQL <c>… WHERE {ExternalIdField} IN (…)</c> per up to 200 Leads.</summary>
internal sealed partial class SalesforceGateway
{
    private const int StatesPerQuery = 200;
    private const string StateColumns = "Id, OwnerId, Status, IsConverted, ConvertedOpportunityId, LastActivityDate";

    public int MaxStateReadBatch => StatesPerQuery;

    public async Task<IReadOnlyList<CrmRecordState>> ReadStatesAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        if (Throttled(o) is { } stop)
        {
            throw new CrmUnavailableException(Name, stop);
        }

        var records = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        foreach (var chunk in leads.Select(l => l.Id).Distinct(StringComparer.Ordinal).Chunk(StatesPerQuery))
        {
            foreach (var (leadId, record) in await QueryByLeadIdAsync(chunk, StateColumns, o, cancellationToken, chunk.Length))
            {
                records[leadId] = record;
            }
        }

        return [.. leads.Select(l => records.TryGetValue(l.Id, out var r) ? SalesforceRecordMapper.ToState(l.Id, r, o) : new CrmRecordState(l.Id, CrmFunnelStage.Missing))];
    }
}

using System.Globalization;
using System.Text.Json;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;

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

        return [.. leads.Select(l => records.TryGetValue(l.Id, out var r) ? ToState(l.Id, r, o) : new CrmRecordState(l.Id, CrmFunnelStage.Missing))];
    }

    /// <summary>
    /// Status → funnel stage with the configured lists (README "Never backwards"): converted by <c>IsConverted</c> or a
    /// converted opportunity; then disqualified, nurture, working (status or a logged activity), else open.
    /// </summary>
    private static CrmRecordState ToState(string leadId, Dictionary<string, JsonElement> record, SalesforceOptions o)
    {
        var status = Str(record, "Status");
        DateTimeOffset? lastActivity = Str(record, "LastActivityDate") is { } d
            && DateTime.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;
        var converted = (record.TryGetValue("IsConverted", out var c) && c.ValueKind == JsonValueKind.True)
            || Str(record, "ConvertedOpportunityId") is { Length: > 0 };
        var stage = converted ? CrmFunnelStage.Converted
            : In(status, o.DisqualifiedStatuses, SalesforceOptions.DefaultDisqualifiedStatuses) ? CrmFunnelStage.Disqualified
            : string.Equals(status, o.RecycledStatus, StringComparison.OrdinalIgnoreCase) || In(status, o.NurtureStatuses, []) ? CrmFunnelStage.Nurture
            : In(status, o.ContactedStatuses, SalesforceOptions.DefaultContactedStatuses) || lastActivity is not null ? CrmFunnelStage.Working
            : CrmFunnelStage.Open;
        return new CrmRecordState(leadId, stage, status, null, converted, Str(record, "OwnerId"), lastActivity);
    }
}

using System.Globalization;
using System.Net;
using LeadSync.Core.Crm;
using LeadSync.Core.Leads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>
/// Dataverse lead adapter. Upserts by an alternate key holding the LeadSync id (a PATCH on the key is an upsert), so
/// a retry updates the same row; <c>Prefer: return=representation</c> returns the lead id and owner in the same call.
/// </summary>
internal sealed partial class DynamicsGateway(
    IDynamicsApi api,
    IOptionsMonitor<DynamicsOptions> options,
    TimeProvider time,
    ILogger<DynamicsGateway> logger) : ICrmGateway
{
    private const string ReturnColumns = "leadid,_ownerid_value";
    private const int KeysPerQuery = 25;

    public string Name => "dynamics";

    public async Task<IReadOnlyList<CrmUpsertResult>> UpsertAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leads);
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
        ArgumentNullException.ThrowIfNull(leads);
        var o = options.CurrentValue;
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

        return [.. leads.Select(l => found.TryGetValue(l.Id, out var row) ? ToTouch(l.Id, row, o) : new CrmTouch(l.Id, CrmLeadState.Untouched))];
    }

    public async Task<CrmOutcome> MarkRecycledAsync(Lead lead, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
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

    private static CrmTouch ToTouch(string leadId, DynamicsLead row, DynamicsOptions o)
    {
        var contacted = o.ContactedStatusCodes.Count > 0 ? o.ContactedStatusCodes : DynamicsOptions.DefaultContactedStatusCodes;
        var state = row.StateCode switch
        {
            1 => CrmLeadState.Converted,
            2 when row.StatusCode == o.RecycledStatusCode || (row.StatusCode is { } s && o.NurtureStatusCodes.Contains(s)) => CrmLeadState.Nurture,
            2 => CrmLeadState.Disqualified,
            _ when row.StatusCode == o.RecycledStatusCode && row.StateCode == o.RecycledStateCode => CrmLeadState.Nurture,
            _ when row.StatusCode is { } s && contacted.Contains(s) => CrmLeadState.Contacted,
            _ => CrmLeadState.Untouched,
        };
        return new CrmTouch(leadId, state, Owner: row.OwnerId);
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

    private CrmOutcome Map(IApiResponse response) =>
        CrmResponseMapper.ToOutcome(response, CrmProvider.Dynamics, TimeSpan.FromMinutes(5), time.GetUtcNow());

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "Dynamics upsert of lead {LeadId} failed: {Kind} (HTTP {Status})")]
    private static partial void LogUpsertFailed(ILogger logger, string leadId, CrmOutcomeKind kind, int status);
}

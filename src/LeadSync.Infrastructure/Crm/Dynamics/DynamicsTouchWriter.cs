namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>
/// A note (annotation) regarding the lead per touch, created with an id derived from the touch and
/// <c>If-None-Match: *</c>: a retry or replay finds it there (412) and writes nothing more.
/// </summary>
internal sealed class DynamicsTouchWriter(IDynamicsTouchApi api, IOptionsMonitor<DynamicsOptions> options, TimeProvider time) : ICrmTouchWriter
{
    public async Task<CrmOutcome> WriteAsync(Lead lead, CrmTouchRecord record, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(record.CrmId, out var leadRow))
        {
            return new CrmOutcome(CrmOutcomeKind.Permanent, "The lead's Dataverse id is not a GUID.");
        }

        var fields = new Dictionary<string, object>
        {
            ["subject"] = record.Subject,
            ["notetext"] = record.Body,
            ["objectid_lead@odata.bind"] = $"/leads({leadRow.ToString("D", CultureInfo.InvariantCulture)})",
        };
        var id = CrmTouchKeys.Guid(record.Key).ToString("D", CultureInfo.InvariantCulture);
        using var response = await api.CreateAnnotationAsync(options.CurrentValue.ApiVersion, id, "*", fields, cancellationToken);
        return response.StatusCode == HttpStatusCode.PreconditionFailed
            ? CrmOutcome.Success
            : CrmResponseMapper.ToOutcome(response, CrmProvider.Dynamics, TimeSpan.FromMinutes(5), time.GetUtcNow());
    }
}

namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>
/// A completed Task on the Lead per touch (Subject "Marketing touch: &lt;source&gt;", ActivityDate = the touch day),
/// upserted by an external id derived from the touch, so a retry or replay updates the same Task; and, when the touch's
/// campaign is mapped, a CampaignMember (a "already a member" answer counts as done).
/// </summary>
internal sealed class SalesforceTouchWriter(
    ISalesforceTouchApi api,
    IOptionsMonitor<SalesforceOptions> crmOptions,
    IOptionsMonitor<SalesforceTouchOptions> touchOptions,
    TimeProvider time) : ICrmTouchWriter
{
    public async Task<CrmOutcome> WriteAsync(Lead lead, CrmTouchRecord record, CancellationToken cancellationToken)
    {
        var o = crmOptions.CurrentValue;
        var t = touchOptions.CurrentValue;
        var fields = new Dictionary<string, object>
        {
            ["Subject"] = record.Subject,
            ["WhoId"] = record.CrmId,
            ["ActivityDate"] = record.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Status"] = t.TaskStatus,
            ["Description"] = record.Body,
        };
        if (record.Owner is { Length: >= 15 } owner && owner.StartsWith("005", StringComparison.Ordinal))
        {
            fields["OwnerId"] = owner;
        }

        using var task = await api.UpsertTaskAsync(o.ApiVersion, t.TaskExternalIdField, CrmTouchKeys.Hex(record.Key), fields, cancellationToken);
        var outcome = Map(task, o);
        if (!outcome.Succeeded || record.Campaign is null || !t.Campaigns.TryGetValue(record.Campaign, out var campaignId))
        {
            return outcome;
        }

        var member = new Dictionary<string, object> { ["CampaignId"] = campaignId, ["LeadId"] = record.CrmId, ["Status"] = t.CampaignMemberStatus };
        using var created = await api.CreateCampaignMemberAsync(o.ApiVersion, member, cancellationToken);
        var body = (created.Error as Refit.ApiException)?.Content ?? string.Empty;
        return body.Contains("DUPLICATE_VALUE", StringComparison.Ordinal) ? CrmOutcome.Success : Map(created, o);
    }

    private CrmOutcome Map(Refit.IApiResponse response, SalesforceOptions o) =>
        CrmResponseMapper.ToOutcome(response, CrmProvider.Salesforce, o.QuotaRetryAfter, time.GetUtcNow());
}

namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The Salesforce calls that write marketing touches: a Task upserted by external id, a CampaignMember.</summary>
internal interface ISalesforceTouchApi
{
    [Patch("/services/data/v{version}/sobjects/Task/{externalIdField}/{externalId}")]
    Task<IApiResponse<SalesforceSaveResult>> UpsertTaskAsync(
        string version, string externalIdField, string externalId, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);

    [Post("/services/data/v{version}/sobjects/CampaignMember")]
    Task<IApiResponse<SalesforceSaveResult>> CreateCampaignMemberAsync(
        string version, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);
}

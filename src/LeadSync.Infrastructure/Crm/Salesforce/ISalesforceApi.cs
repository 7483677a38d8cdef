namespace LeadSync.Infrastructure.Crm.Salesforce;

/// <summary>The Salesforce REST calls LeadSync makes. Bodies are buffered so a retry or token renewal can resend them.</summary>
internal interface ISalesforceApi
{
    /// <summary>Upsert one Lead by external id: 201 created, 200/204 updated, 300 several matches.</summary>
    [Patch("/services/data/v{version}/sobjects/Lead/{externalIdField}/{externalId}")]
    Task<IApiResponse<SalesforceSaveResult>> UpsertLeadAsync(
        string version, string externalIdField, string externalId, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);

    /// <summary>sObject Collections upsert: up to 200 Leads, per-record results in request order.</summary>
    [Patch("/services/data/v{version}/composite/sobjects/Lead/{externalIdField}")]
    Task<IApiResponse<List<SalesforceSaveResult>>> UpsertLeadsAsync(
        string version, string externalIdField, [Body(buffered: true)] SalesforceCollectionRequest request, CancellationToken cancellationToken);

    [Get("/services/data/v{version}/query")]
    Task<IApiResponse<SalesforceQueryResult>> QueryAsync(string version, [AliasAs("q")] string soql, CancellationToken cancellationToken);

    /// <summary>Next page of a query: the last segment of <c>nextRecordsUrl</c>.</summary>
    [Get("/services/data/v{version}/query/{cursor}")]
    Task<IApiResponse<SalesforceQueryResult>> QueryMoreAsync(string version, string cursor, CancellationToken cancellationToken);

    /// <summary>Delete the Lead by external id: 204 deleted, 404 no such record.</summary>
    [Delete("/services/data/v{version}/sobjects/Lead/{externalIdField}/{externalId}")]
    Task<IApiResponse> DeleteLeadAsync(string version, string externalIdField, string externalId, CancellationToken cancellationToken);

    [Patch("/services/data/v{version}/sobjects/Lead/{id}")]
    Task<IApiResponse> UpdateLeadAsync(string version, string id, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);
}

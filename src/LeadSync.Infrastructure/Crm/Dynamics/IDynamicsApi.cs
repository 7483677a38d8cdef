namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The Dataverse Web API calls LeadSync makes on the lead table.</summary>
[Headers("OData-MaxVersion: 4.0", "OData-Version: 4.0", "Accept: application/json")]
internal interface IDynamicsApi
{
    /// <summary>
    /// Upsert by alternate key: 201 created / 200 updated with <c>Prefer: return=representation</c>; 412 with
    /// <c>If-None-Match: *</c> when the row exists; 404 with <c>If-Match: *</c> when it does not.
    /// </summary>
    [Patch("/api/data/v{version}/leads({keyAttribute}='{keyValue}')")]
    [Headers("Prefer: return=representation")]
    Task<IApiResponse<DynamicsLead>> UpsertLeadAsync(
        string version, string keyAttribute, string keyValue,
        [Header("If-Match")] string? ifMatch, [Header("If-None-Match")] string? ifNoneMatch,
        [AliasAs("$select")] string select, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);

    [Get("/api/data/v{version}/leads({keyAttribute}='{keyValue}')")]
    Task<IApiResponse<DynamicsLead>> GetLeadAsync(
        string version, string keyAttribute, string keyValue, [AliasAs("$select")] string select, CancellationToken cancellationToken);

    [Get("/api/data/v{version}/leads")]
    Task<IApiResponse<DynamicsCollection<DynamicsLead>>> QueryLeadsAsync(
        string version, [AliasAs("$select")] string select, [AliasAs("$filter")] string filter, CancellationToken cancellationToken);

    /// <summary>Activities; a further page is asked for with the <c>$skiptoken</c> of the previous page's <c>@odata.nextLink</c>.</summary>
    [Get("/api/data/v{version}/activitypointers")]
    Task<IApiResponse<DynamicsCollection<DynamicsActivity>>> QueryActivitiesAsync(
        string version, [AliasAs("$select")] string select, [AliasAs("$filter")] string filter, [AliasAs("$skiptoken")] string? skipToken,
        CancellationToken cancellationToken);

    /// <summary>Delete the lead row by alternate key: 204 deleted, 404 no such row.</summary>
    [Delete("/api/data/v{version}/leads({keyAttribute}='{keyValue}')")]
    Task<IApiResponse> DeleteLeadAsync(string version, string keyAttribute, string keyValue, CancellationToken cancellationToken);

    [Patch("/api/data/v{version}/leads({id})")]
    Task<IApiResponse> UpdateLeadAsync(
        string version, string id, [Header("If-Match")] string ifMatch, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);

    /// <summary>Users for the directory sync; a further page by the <c>$skiptoken</c> of <c>@odata.nextLink</c>.</summary>
    [Get("/api/data/v{version}/systemusers")]
    [Headers("Prefer: odata.maxpagesize=500")]
    Task<IApiResponse<DynamicsCollection<DynamicsSystemUser>>> QuerySystemUsersAsync(
        string version, [AliasAs("$select")] string select, [AliasAs("$filter")] string? filter, [AliasAs("$skiptoken")] string? skipToken,
        CancellationToken cancellationToken);

    [Get("/api/data/v{version}/accounts")]
    Task<IApiResponse<DynamicsCollection<DynamicsAccount>>> QueryAccountsAsync(
        string version, [AliasAs("$select")] string select, [AliasAs("$filter")] string filter, [AliasAs("$top")] int top, CancellationToken cancellationToken);
}

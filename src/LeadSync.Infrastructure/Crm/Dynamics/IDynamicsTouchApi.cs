namespace LeadSync.Infrastructure.Crm.Dynamics;

/// <summary>The Dataverse call that writes a marketing touch: an annotation (note) created by its own id.</summary>
[Headers("OData-MaxVersion: 4.0", "OData-Version: 4.0", "Accept: application/json")]
internal interface IDynamicsTouchApi
{
    /// <summary>Upsert by primary key with <c>If-None-Match: *</c>: 204 created, 412 when it already exists.</summary>
    [Patch("/api/data/v{version}/annotations({id})")]
    Task<IApiResponse> CreateAnnotationAsync(
        string version, string id, [Header("If-None-Match")] string ifNoneMatch, [Body(buffered: true)] Dictionary<string, object> fields, CancellationToken cancellationToken);
}

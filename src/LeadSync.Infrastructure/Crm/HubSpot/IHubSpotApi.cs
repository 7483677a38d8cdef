namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>The HubSpot CRM v3 contact calls LeadSync makes.</summary>
internal interface IHubSpotApi
{
    /// <summary>Create or update up to 100 contacts by e-mail; 200, or 207 with per-record errors.</summary>
    [Post("/crm/v3/objects/contacts/batch/upsert")]
    Task<IApiResponse<HubSpotBatchResponse>> UpsertContactsAsync([Body(buffered: true)] HubSpotUpsertBatch batch, CancellationToken cancellationToken);

    [Post("/crm/v3/objects/contacts/batch/read")]
    Task<IApiResponse<HubSpotBatchResponse>> ReadContactsAsync([Body(buffered: true)] HubSpotReadBatch batch, CancellationToken cancellationToken);

    /// <summary>GDPR delete: the contact and its associated content, by id or (<c>idProperty = email</c>) by e-mail; 204.</summary>
    [Post("/crm/v3/objects/contacts/gdpr-delete")]
    Task<IApiResponse> GdprDeleteAsync([Body(buffered: true)] HubSpotGdprDelete input, CancellationToken cancellationToken);

    /// <summary>
    /// Associations v4 batch read: the ids of the <paramref name="toObjectType"/> objects associated with each contact;
    /// an input whose list goes on carries <c>paging.next.after</c>, sent back as that input's <c>after</c>.
    /// </summary>
    [Post("/crm/v4/associations/contacts/{toObjectType}/batch/read")]
    Task<IApiResponse<HubSpotAssociationBatchResponse>> ReadContactAssociationsAsync(
        string toObjectType, [Body(buffered: true)] HubSpotAssociationBatchRead batch, CancellationToken cancellationToken);

    /// <summary>Batch read of engagements (<c>calls</c>, <c>emails</c>, <c>meetings</c>) by id, with the properties asked for.</summary>
    [Post("/crm/v3/objects/{objectType}/batch/read")]
    Task<IApiResponse<HubSpotBatchResponse>> ReadObjectsAsync(string objectType, [Body(buffered: true)] HubSpotReadBatch batch, CancellationToken cancellationToken);

    [Patch("/crm/v3/objects/contacts/{contactId}")]
    Task<IApiResponse<HubSpotObject>> UpdateContactAsync(
        string contactId, [Query] string? idProperty, [Body(buffered: true)] HubSpotPropertiesInput input, CancellationToken cancellationToken);

    /// <summary>Owners v3: active users and queues with their teams, 100 a page; <c>paging.next.after</c> for the next.</summary>
    [Get("/crm/v3/owners")]
    Task<IApiResponse<HubSpotOwnersPage>> ListOwnersAsync([Query] int limit, [Query] string? after, [Query] bool archived, CancellationToken cancellationToken);

    /// <summary>Companies search: the company whose <c>domain</c> equals the lead's e-mail domain.</summary>
    [Post("/crm/v3/objects/companies/search")]
    Task<IApiResponse<HubSpotSearchResponse>> SearchCompaniesAsync([Body(buffered: true)] HubSpotSearchRequest request, CancellationToken cancellationToken);
}

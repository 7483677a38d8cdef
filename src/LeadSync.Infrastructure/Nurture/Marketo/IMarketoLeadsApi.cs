namespace LeadSync.Infrastructure.Nurture.Marketo;

/// <summary>Marketo REST: sync a lead by e-mail, add it to a static list, request a campaign for it.</summary>
public interface IMarketoLeadsApi
{
    /// <summary><c>createOrUpdate</c> looked up by e-mail: a retry updates the same lead.</summary>
    [Post("/rest/v1/leads.json")]
    Task<IApiResponse<MarketoResponse>> SyncAsync([Body] JsonObject request, CancellationToken cancellationToken);

    /// <summary>Leads by e-mail (<c>filterType=email</c>), only their ids.</summary>
    [Get("/rest/v1/leads.json")]
    Task<IApiResponse<MarketoResponse>> FindAsync(
        [AliasAs("filterType")] string filterType, [AliasAs("filterValues")] string filterValues, [AliasAs("fields")] string fields, CancellationToken cancellationToken);

    /// <summary>Deletes leads by Marketo id (<c>{"input":[{"id":…}]}</c>); per-record status <c>deleted</c>.</summary>
    [Post("/rest/v1/leads/delete.json")]
    Task<IApiResponse<MarketoResponse>> DeleteAsync([Body] JsonObject request, CancellationToken cancellationToken);

    /// <summary>Adding a member twice is a no-op ("skipped").</summary>
    [Post("/rest/v1/lists/{listId}/leads.json")]
    Task<IApiResponse<MarketoResponse>> AddToListAsync(string listId, [Body] JsonObject request, CancellationToken cancellationToken);

    [Post("/rest/v1/campaigns/{campaignId}/trigger.json")]
    Task<IApiResponse<MarketoResponse>> RequestCampaignAsync(string campaignId, [Body] JsonObject request, CancellationToken cancellationToken);
}

namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>HubSpot Lists v3 (contract-tested against the published OpenAPI document).</summary>
public interface IHubSpotListsApi
{
    /// <summary>Adds records to a MANUAL/SNAPSHOT list; existing members and unknown ids are ignored, so a retry is safe.</summary>
    [Put("/crm/v3/lists/{listId}/memberships/add")]
    Task<IApiResponse<HubSpotMembershipsUpdate>> AddMembersAsync(string listId, [Body] IReadOnlyList<string> recordIds, CancellationToken cancellationToken);
}

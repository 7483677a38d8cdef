using Refit;

namespace LeadSync.Infrastructure.Crm.HubSpot;

/// <summary>HubSpot CRM notes v3: a note created with its association to the contact in the same call.</summary>
internal interface IHubSpotNotesApi
{
    [Post("/crm/v3/objects/notes")]
    Task<IApiResponse<HubSpotObject>> CreateNoteAsync([Body(buffered: true)] HubSpotNoteInput note, CancellationToken cancellationToken);
}

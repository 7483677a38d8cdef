namespace LeadSync.Infrastructure.Intake.HubSpot;

/// <summary>The slice of HubSpot CRM v3 the intake reads: one contact by id.</summary>
public interface IHubSpotCrmApi
{
    [Get("/crm/v3/objects/contacts/{contactId}")]
    Task<IApiResponse<HubSpotContact>> GetContactAsync(
        string contactId,
        [Query(CollectionFormat.Csv)] IEnumerable<string> properties,
        CancellationToken cancellationToken);
}

namespace LeadSync.Infrastructure.Nurture.HubSpot;

/// <summary>HubSpot CRM contacts v3: update by e-mail (idProperty), or create.</summary>
public interface IHubSpotContactsApi
{
    [Patch("/crm/v3/objects/contacts/{email}?idProperty=email")]
    Task<IApiResponse<HubSpotContact>> UpdateByEmailAsync(string email, [Body] HubSpotContactInput input, CancellationToken cancellationToken);

    /// <summary>GDPR delete by e-mail (<c>idProperty = email</c>): the contact and its associated content; 204.</summary>
    [Post("/crm/v3/objects/contacts/gdpr-delete")]
    Task<IApiResponse> GdprDeleteAsync([Body] HubSpotGdprDeleteInput input, CancellationToken cancellationToken);

    [Post("/crm/v3/objects/contacts")]
    Task<IApiResponse<HubSpotContact>> CreateAsync([Body] HubSpotContactInput input, CancellationToken cancellationToken);
}

namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// The address of a lead's record in the CRM's own user interface, built from the provider's settings: HubSpot
/// <c>https://app.hubspot.com/contacts/{PortalId}/record/0-1/{contact id}</c> (needs <c>LeadSync:Crm:HubSpot:PortalId</c>),
/// Salesforce <c>{MyDomainUrl}/lightning/r/Lead/{id}/view</c>, Dynamics
/// <c>{OrganizationUrl}/main.aspx?pagetype=entityrecord&amp;etn=lead&amp;id={id}</c>. None for the sandbox, or when
/// the setting it needs is missing.
/// </summary>
public sealed class CrmRecordLinks(
    IOptionsMonitor<CrmOptions> crm,
    IOptionsMonitor<HubSpot.HubSpotOptions> hubSpot,
    IOptionsMonitor<SalesforceOptions> salesforce,
    IOptionsMonitor<DynamicsOptions> dynamics)
{
    public Uri? For(string? crmId)
    {
        if (string.IsNullOrWhiteSpace(crmId))
        {
            return null;
        }

        var id = Uri.EscapeDataString(crmId.Trim());
        return crm.CurrentValue.Provider.Trim().ToLowerInvariant() switch
        {
            CrmProviders.HubSpot => hubSpot.CurrentValue.PortalId is { Length: > 0 } portal
                ? new Uri($"https://app.hubspot.com/contacts/{Uri.EscapeDataString(portal.Trim())}/record/0-1/{id}")
                : null,
            CrmProviders.Salesforce => (salesforce.CurrentValue.MyDomainUrl ?? salesforce.CurrentValue.InstanceUrl) is { IsAbsoluteUri: true } site
                ? new Uri(site, $"/lightning/r/Lead/{id}/view")
                : null,
            CrmProviders.Dynamics => dynamics.CurrentValue.OrganizationUrl is { IsAbsoluteUri: true } org
                ? new Uri(org, $"/main.aspx?pagetype=entityrecord&etn=lead&id={id}")
                : null,
            _ => null,
        };
    }
}

namespace LeadSync.Infrastructure.Crm.Changes;

/// <summary>
/// Native CRM change notifications (<c>LeadSync:Crm:Changes</c>). Each route is off until its secret is set, and only
/// the route of the configured <c>LeadSync:Crm:Provider</c> is served.
/// </summary>
public sealed class CrmChangeOptions
{
    public const string Section = "LeadSync:Crm:Changes";

    public HubSpotChangeOptions HubSpot { get; set; } = new();

    public SalesforceChangeOptions Salesforce { get; set; } = new();

    public DynamicsChangeOptions Dynamics { get; set; } = new();
}

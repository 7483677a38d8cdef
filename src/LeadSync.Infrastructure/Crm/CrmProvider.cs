namespace LeadSync.Infrastructure.Crm;

/// <summary>The CRM adapters this project ships; the vendor decides how a response is classified.</summary>
internal enum CrmProvider
{
    Salesforce,
    HubSpot,
    Dynamics,
}

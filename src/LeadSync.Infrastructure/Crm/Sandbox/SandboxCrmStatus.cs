namespace LeadSync.Infrastructure.Crm.Sandbox;

/// <summary>Lead statuses of the sandbox CRM (modelled on a default Salesforce org's picklist).</summary>
public static class SandboxCrmStatus
{
    public const string Open = "Open - Not Contacted";
    public const string Working = "Working - Contacted";
    public const string Converted = "Closed - Converted";
    public const string NotConverted = "Closed - Not Converted";
    public const string Nurture = "Recycled - Nurture";
}

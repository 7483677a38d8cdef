namespace LeadSync.Infrastructure.Crm.Touches;

/// <summary>Salesforce marketing touch records (<c>LeadSync:Crm:Touches:Salesforce</c>).</summary>
public sealed class SalesforceTouchOptions
{
    public const string Section = "LeadSync:Crm:Touches:Salesforce";

    /// <summary>Task external-id field (create it on Activity: Text(32), External ID, Unique) the Task is upserted by.</summary>
    public string TaskExternalIdField { get; set; } = "LeadSync_Touch_Id__c";

    /// <summary>Task.Status of a touch record (a closed status of your org).</summary>
    public string TaskStatus { get; set; } = "Completed";

    /// <summary>LeadSync campaign (id or name as the source sent it) → Salesforce Campaign id (701…) for a CampaignMember.</summary>
    public Dictionary<string, string> Campaigns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>CampaignMember.Status given to the lead (a member status of the campaign).</summary>
    public string CampaignMemberStatus { get; set; } = "Responded";
}

namespace LeadSync.Core.Crm;

/// <summary>What sales has done with a lead, as read back from the CRM.</summary>
public enum CrmLeadState
{
    Untouched,
    Contacted,
    Converted,
    Disqualified,

    /// <summary>Sales put it in a status the agreement sends back to marketing nurture.</summary>
    Nurture,
}

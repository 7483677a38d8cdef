namespace LeadSync.Core.Crm;

/// <summary>
/// Where the CRM record stands in the sales funnel, as LeadSync reads it back (see <see cref="CrmFunnel"/> for what
/// LeadSync may write over each). Each adapter maps its vendor's status fields onto these with configurable lists (README "Never backwards").
/// </summary>
public enum CrmFunnelStage
{
    /// <summary>The CRM holds no record for the lead (not yet created, deleted or merged away).</summary>
    Missing = 0,

    /// <summary>Open, not worked yet (e.g. HubSpot <c>NEW</c>/<c>OPEN</c>, Salesforce "Open - Not Contacted", Dataverse statuscode 1).</summary>
    Open = 1,

    /// <summary>Sales is working it (attempted, connected, in progress).</summary>
    Working = 2,

    /// <summary>Handed back to marketing nurture (LeadSync's recycled status or one of the configured nurture statuses).</summary>
    Nurture = 3,

    /// <summary>Closed as not a fit (HubSpot <c>UNQUALIFIED</c>, Salesforce "Closed - Not Converted", Dataverse statecode 2).</summary>
    Disqualified = 4,

    /// <summary>Converted, qualified, or linked to an opportunity or deal.</summary>
    Converted = 5,
}

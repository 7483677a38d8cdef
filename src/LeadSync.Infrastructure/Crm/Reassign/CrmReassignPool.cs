namespace LeadSync.Infrastructure.Crm.Reassign;

/// <summary>
/// Where a <c>reassign</c> escalation sends a lead of one pool (LeadSync passes the SLA tier name):
/// <c>LeadSync:Crm:{Provider}:Reassign:{pool}:Queue</c> or <c>…:Owners:{i}</c>, exactly one of them.
/// </summary>
public sealed class CrmReassignPool
{
    /// <summary>A queue-like owner: a Salesforce queue (Group of type Queue) id or a Dataverse team id. HubSpot has none.</summary>
    public string Queue { get; set; } = "";

    /// <summary>Individual owners picked deterministically per lead and level (Salesforce user ids, HubSpot owner ids, Dataverse systemuser ids).</summary>
    public IList<string> Owners { get; set; } = [];
}

namespace LeadSync.Core.Routing;

/// <summary>How a routing decision chose (or did not choose) the owner.</summary>
public enum RoutingOutcome
{
    /// <summary>No policy routes the lead: the CRM's assignment rules choose.</summary>
    LeaveToCrm,

    /// <summary>The e-mail domain matched a CRM account: its owner.</summary>
    AccountOwner,

    /// <summary>A territory (or the default team) named a team; round-robin picked a rep.</summary>
    Team,

    /// <summary>The team had no rep available: the CRM's assignment rules choose.</summary>
    NoRepAvailable,
}

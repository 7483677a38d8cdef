namespace LeadSync.Core.Crm.Changes;

public enum CrmChangeOutcome
{
    Applied,

    /// <summary>The lead already showed it (or the lifecycle does not allow the move now).</summary>
    NoChange,

    Duplicate,

    /// <summary>Older than a change already applied to the same record and aspect.</summary>
    Stale,

    UnknownLead,

    /// <summary>Unmapped: kept in the quarantine for an admin.</summary>
    Kept,

    Ignored,
}

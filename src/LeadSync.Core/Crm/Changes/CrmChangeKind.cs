namespace LeadSync.Core.Crm.Changes;

/// <summary>What a native CRM change notification means for the lead.</summary>
public enum CrmChangeKind
{
    /// <summary>Sales reached the buyer (a contacted status, a last-contacted date).</summary>
    Contacted,

    /// <summary>Sales tried to reach the buyer (e.g. HubSpot <c>ATTEMPTED_TO_CONTACT</c>); counts as the first touch.</summary>
    Attempt,

    Converted,
    Disqualified,

    /// <summary>Sales put the record in a status the agreement sends back to marketing nurture.</summary>
    Nurture,

    OwnerChanged,

    /// <summary>The CRM merged records: the lead now lives under <see cref="CrmChange.RecordId"/>.</summary>
    Merged,

    /// <summary>A value that means nothing to the handoff (an open/new status, a marketing lifecycle stage).</summary>
    Ignored,

    /// <summary>LeadSync has no mapping for it: kept in the quarantine for an admin.</summary>
    Unmapped,
}

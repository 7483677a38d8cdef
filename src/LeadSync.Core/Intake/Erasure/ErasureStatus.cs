namespace LeadSync.Core.Intake.Erasure;

/// <summary>Where the deletion of a subject's record in one external target (CRM, nurture tool) stands.</summary>
public enum ErasureStatus
{
    /// <summary>The target deleted (or anonymized) its record.</summary>
    Erased,

    /// <summary>The target holds no record for the subject: nothing to delete.</summary>
    NotFound,

    /// <summary>The target's API offers no deletion LeadSync can call; delete there by hand (the README lists these).</summary>
    Unsupported,

    /// <summary>The call failed transiently; queued and retried.</summary>
    Pending,

    /// <summary>The call failed permanently, or kept failing until the retries ran out; delete there by hand.</summary>
    Failed,
}

namespace LeadSync.Core.Sla.Cadence;

/// <summary>Where a cadence checkpoint stands.</summary>
public enum CheckpointOutcome
{
    /// <summary>Not due yet and not reached yet.</summary>
    Pending,

    /// <summary>Enough attempts were made by its due time.</summary>
    Met,

    /// <summary>Its due time passed with fewer attempts.</summary>
    Missed,
}

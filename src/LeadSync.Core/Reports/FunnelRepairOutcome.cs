namespace LeadSync.Core.Reports;

/// <summary>What a report-row repair found.</summary>
public enum FunnelRepairOutcome
{
    /// <summary>The stored row already matched the lead.</summary>
    Unchanged,

    /// <summary>The row was missing or stale and was written from the lead.</summary>
    Written,

    /// <summary>Nothing to do: a lead that is gone, or a live write got there first.</summary>
    Skipped,
}

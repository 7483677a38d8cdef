namespace LeadSync.Core.Reports;

/// <summary>The closed-loop figures of one group (a source, campaign or owner) over the report's days.</summary>
public sealed record FunnelGroup
{
    public required string Key { get; init; }
    public int Received { get; init; }
    public int SalesReady { get; init; }
    public int Synced { get; init; }
    public int ContactedWithinSla { get; init; }
    public int ContactedLate { get; init; }
    public int NeverContacted { get; init; }
    public int Escalated { get; init; }
    public int InProgress { get; init; }
    public int Converted { get; init; }

    /// <summary>Cycles that ended recycled, by reason code (plus <c>recycle-exhausted</c> for those closed at the maximum).</summary>
    public required IReadOnlyDictionary<string, int> RecycledByReason { get; init; }
    public int ReEngaged { get; init; }

    /// <summary>Marketing touches: each cycle's first submission plus those attached to it later.</summary>
    public int MarketingTouches { get; init; }

    /// <summary>Sales attempts counted for the follow-up cadence (CRM activities and native CRM events), all cycles summed.</summary>
    public int Attempts { get; init; }

    /// <summary>Follow-up cadence checkpoints met / missed.</summary>
    public int CheckpointsMet { get; init; }

    public int CheckpointsMissed { get; init; }

    /// <summary>Received → first touch.</summary>
    public required LatencyStats TimeToFirstTouch { get; init; }

    /// <summary>Received → in the CRM (LeadSync's part).</summary>
    public required LatencyStats SystemLatency { get; init; }

    /// <summary>In the CRM → first touch (sales' part).</summary>
    public required LatencyStats HumanLatency { get; init; }
}

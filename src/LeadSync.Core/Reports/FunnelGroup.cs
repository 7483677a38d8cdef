namespace LeadSync.Core.Reports;

/// <summary>The closed-loop figures of one group (a source, campaign, owner, team or ISO week) over the report's days.</summary>
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

    /// <summary>Cycles with a first touch recorded (a CRM-reported contact, conversion or sales attempt), late or not.</summary>
    public int Contacted { get; init; }

    /// <summary>Cycles whose lead is now <c>Recycled</c> (back to nurture).</summary>
    public int Recycled { get; init; }

    /// <summary>Cycles whose lead is now <c>Disqualified</c> ("dropped"), including those closed at the recycle maximum.</summary>
    public int Dropped { get; init; }

    /// <summary>Cycles by the lead's current status (every status present, zeros included); they add up to <see cref="Received"/>.</summary>
    public required IReadOnlyDictionary<string, int> ByStatus { get; init; }

    /// <summary>Cycles whose SLA was decided met: first touch at or before the deadline, no escalation fired.</summary>
    public int SlaMet { get; init; }

    /// <summary>Cycles whose SLA was decided missed: first touch after the deadline, or an escalation level fired.</summary>
    public int SlaMissed { get; init; }

    /// <summary><see cref="SlaMet"/> ÷ (<see cref="SlaMet"/> + <see cref="SlaMissed"/>) × 100, one decimal; null when none is decided.</summary>
    public double? SlaMetPercent { get; init; }

    /// <summary><see cref="Attempts"/> ÷ <see cref="Synced"/>, two decimals; null when nothing was synced.</summary>
    public double? AttemptsPerLead { get; init; }

    /// <summary>Received → first touch in business time (working time on the calendar of the lead's tier).</summary>
    public required LatencyStats BusinessTimeToFirstTouch { get; init; }

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

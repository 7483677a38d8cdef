namespace LeadSync.Core.Reports;

/// <summary>
/// The few fields of one lead cycle the funnel report needs, filed under the UTC day the cycle started
/// (<see cref="Lead.ReceivedAt"/>). Rewritten on every lead write; a re-engaged lead's new cycle gets a new row.
/// </summary>
public sealed record FunnelRow
{
    public required string LeadId { get; init; }
    public required DateOnly Day { get; init; }
    public required string Source { get; init; }
    public string? Campaign { get; init; }
    public string? Owner { get; init; }

    /// <summary>The owner's team; empty until routing assigns teams (grouped as <c>(none)</c>).</summary>
    public string? Team { get; init; }

    /// <summary>A vendor test lead (Google Ads <c>is_test</c>): stored in the index, left out of reports unless asked for.</summary>
    public bool IsTest { get; init; }

    public required LeadStatus Status { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? SyncedAt { get; init; }
    public DateTimeOffset? FirstTouchAt { get; init; }
    public DateTimeOffset? SlaDueAt { get; init; }

    /// <summary>Working minutes on the calendar of the lead's tier from receipt to first touch (set with the first touch).</summary>
    public int? BusinessMinutesToFirstTouch { get; init; }

    /// <summary>The lead's SLA result: met, missed (late first touch or an escalation fired), null while undecided.</summary>
    public bool? SlaMet { get; init; }

    public int EscalationLevel { get; init; }
    public string? RecycleReason { get; init; }
    public string? CloseReason { get; init; }
    public int ReEngagedCount { get; init; }

    /// <summary>Submissions attached to the cycle after the one that started it.</summary>
    public int AdditionalTouches { get; init; }

    /// <summary>Sales attempts counted in the cycle (CRM activities and native CRM events).</summary>
    public int Attempts { get; init; }

    /// <summary>Follow-up cadence checkpoints decided as met / missed in the cycle.</summary>
    public int CheckpointsMet { get; init; }

    public int CheckpointsMissed { get; init; }

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static FunnelRow From(Lead lead)
    {
        return new FunnelRow
        {
            LeadId = lead.Id,
            Day = DayOf(lead.ReceivedAt),
            Source = lead.Source,
            Campaign = lead.Campaign,
            Owner = lead.Owner,
            Team = lead.RoutedTeam,
            IsTest = lead.IsTest,
            Status = lead.Status,
            ReceivedAt = lead.ReceivedAt,
            SyncedAt = lead.SyncedAt,
            FirstTouchAt = lead.FirstTouchAt,
            SlaDueAt = lead.SlaDueAt,
            BusinessMinutesToFirstTouch = lead.BusinessMinutesToFirstTouch,
            SlaMet = lead.SlaMet,
            EscalationLevel = lead.EscalationLevel,
            RecycleReason = lead.RecycleReason,
            CloseReason = lead.CloseReason,
            ReEngagedCount = lead.ReEngagedCount,
            AdditionalTouches = lead.AdditionalTouches,
            Attempts = lead.ContactAttempts,
            CheckpointsMet = lead.CadenceOutcomes?.Count(c => c == 'M') ?? 0,
            CheckpointsMissed = lead.CadenceOutcomes?.Count(c => c == 'X') ?? 0,
        };
    }
}

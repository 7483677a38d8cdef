namespace LeadSync.Core.Sla;

/// <summary>Computes a lead's first-touch deadline and when each escalation level is due.</summary>
public interface ISlaPolicy
{
    DateTimeOffset FirstTouchDeadline(Lead lead);

    /// <summary>Number of levels in the ladder that applies to the lead.</summary>
    int LevelCount(Lead lead);

    /// <summary>When level <paramref name="level"/> (1-based) fires for the lead.</summary>
    DateTimeOffset LevelDueAt(Lead lead, int level);

    string Recipient(Lead lead, int level);

    /// <summary>What level <paramref name="level"/> (1-based) does: one of <see cref="EscalationActions.All"/>.</summary>
    string Action(Lead lead, int level);

    /// <summary>Name of the policy (tier) that applies to the lead, for timelines and reports.</summary>
    string PolicyName(Lead lead);

    /// <summary>The minimum follow-up cadence after first touch, or null when the policy sets none.</summary>
    FollowUpCadence? FollowUp(Lead lead);

    /// <summary>The follow-up cadence of the lead's tier (checkpoints after the handoff), or null when it sets none.</summary>
    Cadence.CadencePolicy? Cadence(Lead lead) => null;

    /// <summary>Working time between two instants on the lead's calendar, e.g. business minutes to first touch.</summary>
    TimeSpan BusinessTimeBetween(Lead lead, DateTimeOffset from, DateTimeOffset to);

    /// <summary>The instant <paramref name="duration"/> of working time after <paramref name="start"/> on the lead's calendar.</summary>
    DateTimeOffset AddBusinessTime(Lead lead, DateTimeOffset start, TimeSpan duration);
}

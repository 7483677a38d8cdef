using LeadSync.Core.Leads;

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
}

namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// What one cadence check decided: the write (attempt and checkpoint timeline entries, missed-checkpoint notices, the
/// lead's counters), null when nothing changed; and when the next pending checkpoint is due, null when none is left.
/// </summary>
public sealed record CadenceDecision(LeadChange? Change, DateTimeOffset? NextDueAt);

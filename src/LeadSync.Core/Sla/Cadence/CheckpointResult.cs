namespace LeadSync.Core.Sla.Cadence;

/// <summary>
/// One checkpoint evaluated: when it is due on the calendar, its outcome, the attempts counted by its due time (or by
/// now while it is pending) and, when met, the instant of the attempt that met it.
/// </summary>
public sealed record CheckpointResult(int Index, CadenceCheckpoint Checkpoint, DateTimeOffset DueAt, CheckpointOutcome Outcome, int Attempts, DateTimeOffset? MetAt);

namespace LeadSync.Core.Intake.Erasure;

/// <summary>A lead's erasure: the lead as it was before (its contact, for the targets and the trace sweep) and what changed.</summary>
public sealed record LeadEraseResult(Lead Before, bool AlreadyErased, int RedactedEntries);

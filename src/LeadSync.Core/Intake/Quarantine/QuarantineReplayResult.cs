namespace LeadSync.Core.Intake.Quarantine;

public sealed record QuarantineReplayResult(QuarantineReplayStatus Status, QuarantineItem? Item, IntakeResult? Intake);

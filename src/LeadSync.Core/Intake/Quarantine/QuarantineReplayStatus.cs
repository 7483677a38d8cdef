namespace LeadSync.Core.Intake.Quarantine;

public enum QuarantineReplayStatus
{
    Replayed,
    StillRejected,
    NotFound,
}

namespace LeadSync.Core.Intake.Signatures;

public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Mismatch,
}

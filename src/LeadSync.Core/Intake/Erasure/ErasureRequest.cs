namespace LeadSync.Core.Intake.Erasure;

/// <summary>A request to erase a subject, by e-mail or by lead id, with who asked (for the audit) and why.</summary>
public sealed record ErasureRequest(string? Email, string? LeadId, string Actor, string Reason)
{
    public string Key => Email is { } email ? ErasureRecord.KeyForEmail(email) : ErasureRecord.KeyForLead(LeadId!);
}

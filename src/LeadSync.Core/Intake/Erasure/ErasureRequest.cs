namespace LeadSync.Core.Intake.Erasure;

/// <summary>A request to erase a subject, by e-mail or by lead id, with who asked (for the audit) and why.</summary>
public sealed record ErasureRequest(string? Email, string? LeadId, string Actor, string Reason)
{
    public string Key => Email is { } email ? ErasureRecord.KeyForEmail(email) : ErasureRecord.KeyForLead(LeadId!);

    /// <summary>
    /// A CRM record a sync created for <see cref="LeadId"/> after the lead was erased (the upsert was in flight while
    /// the erasure asked the CRM, which had nothing yet): the lead is erased already, and this record is deleted again.
    /// </summary>
    public ErasureIdentity? LateCrmRecord { get; init; }
}

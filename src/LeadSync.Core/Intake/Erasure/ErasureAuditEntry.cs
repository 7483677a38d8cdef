namespace LeadSync.Core.Intake.Erasure;

/// <summary>One request for an erasure: who asked (admin key name, Entra principal or vendor), when, why, and what it did.</summary>
public sealed record ErasureAuditEntry(DateTimeOffset At, string Actor, string Reason, string Summary);

namespace LeadSync.Core.Intake.Erasure;

/// <summary>What an external target needs to find a subject's record: LeadSync's id (the CRM external id), the e-mail and the CRM's own id.</summary>
public sealed record ErasureIdentity(string LeadId, string? Email, string? CrmId);

namespace LeadSync.Core.Crm;

/// <summary>Per-lead result of a (batched) upsert: the CRM record id and the owner the CRM's rules assigned.</summary>
public sealed record CrmUpsertResult(string LeadId, CrmOutcome Outcome, string? CrmId = null, string? Owner = null);

namespace LeadSync.Core.Crm;

/// <summary>The result of asking the CRM to reassign a lead: the outcome and, when it succeeded, the new owner.</summary>
public sealed record CrmReassignment(CrmOutcome Outcome, string? NewOwner = null);

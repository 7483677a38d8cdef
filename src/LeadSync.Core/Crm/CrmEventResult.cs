namespace LeadSync.Core.Crm;

/// <summary>Outcome of applying a CRM callback: applied, ignored (already there), unknown lead, or not allowed now.</summary>
public sealed record CrmEventResult(CrmEventStatus Status, Lead? Lead, string Detail);

namespace LeadSync.Core.Crm;

/// <summary>A CRM callback: sales did something with a lead (contacted, converted, disqualified, nurture status).</summary>
public sealed record CrmEvent(string LeadId, CrmLeadState State, DateTimeOffset? At, string? Owner);

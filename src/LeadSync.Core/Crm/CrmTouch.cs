namespace LeadSync.Core.Crm;

/// <summary>A lead's sales activity as the CRM reports it.</summary>
public sealed record CrmTouch(string LeadId, CrmLeadState State, DateTimeOffset? FirstTouchAt = null, int Attempts = 0, string? Owner = null);

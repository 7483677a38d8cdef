namespace LeadSync.Testing.Crm;

/// <summary>An account/company of a CRM simulator: its website (or HubSpot domain) and its owner.</summary>
public sealed record CrmAccount(string Id, string Name, string Website, string? OwnerId);

namespace LeadSync.Core.Routing;

/// <summary>The CRM account (company) whose domain is the lead's e-mail domain, and its owner's CRM user id.</summary>
public sealed record AccountMatch(string Domain, string AccountId, string AccountName, string? OwnerCrmUserId);

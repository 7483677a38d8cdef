namespace LeadSync.Core.People;

/// <summary>A team the CRM reports for a user (HubSpot owner <c>teams[]</c>).</summary>
public sealed record SyncedTeam(string Id, string? Name);

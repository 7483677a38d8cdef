namespace LeadSync.Core.People;

/// <summary>
/// One CRM user as the directory sync read it: HubSpot owner (teams from the owner), Salesforce <c>User</c>
/// (<c>ManagerId</c>), Dataverse <c>systemuser</c> (<c>parentsystemuserid</c>).
/// </summary>
public sealed record SyncedUser(string CrmUserId, string? Email, string? Name, bool Active)
{
    /// <summary>The CRM user id of the manager (Salesforce, Dynamics); HubSpot owners have none.</summary>
    public string? ManagerCrmUserId { get; init; }

    /// <summary>The CRM's teams of the user (HubSpot owner teams), as (id, name).</summary>
    public IReadOnlyList<SyncedTeam> Teams { get; init; } = [];
}

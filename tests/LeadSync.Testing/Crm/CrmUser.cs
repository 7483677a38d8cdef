namespace LeadSync.Testing.Crm;

/// <summary>A user of a CRM simulator (HubSpot owner, Salesforce User, Dataverse systemuser).</summary>
public sealed record CrmUser(string Id, string Email, string FirstName, string LastName, bool Active = true)
{
    /// <summary>Salesforce <c>ManagerId</c> / Dataverse <c>parentsystemuserid</c>; HubSpot owners have none.</summary>
    public string? ManagerId { get; init; }

    /// <summary>HubSpot owner teams (id, name, primary).</summary>
    public IReadOnlyList<(string Id, string Name, bool Primary)> Teams { get; init; } = [];

    /// <summary>A HubSpot <c>QUEUE</c> owner rather than a person.</summary>
    public bool IsQueue { get; init; }

    public string FullName => $"{FirstName} {LastName}";
}

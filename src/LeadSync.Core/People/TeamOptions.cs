namespace LeadSync.Core.People;

/// <summary>One team as an admin writes it: members (person ids) and the team's manager.</summary>
public sealed class TeamOptions
{
    public string? Name { get; set; }

    /// <summary>Person ids; added to the members the CRM reports and to people who list the team.</summary>
    public IList<string> Members { get; } = [];

    /// <summary>Person ids taken out of the team even when the CRM lists them.</summary>
    public IList<string> Exclude { get; } = [];

    /// <summary>The person id of the team's manager (the manager rung for a member without one).</summary>
    public string? Manager { get; set; }
}

namespace LeadSync.Core.Leads;

/// <summary>The canonical contact fields every source is normalized to.</summary>
public sealed record ContactDetails
{
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Phone { get; init; }
    public string? Title { get; init; }
    public string? Country { get; init; }

    [JsonIgnore]
    public bool HasReachableChannel => !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone);

    [JsonIgnore]
    public string DisplayName
    {
        get
        {
            var name = $"{FirstName} {LastName}".Trim();
            return name.Length > 0 ? name : Company ?? "(unnamed lead)";
        }
    }
}

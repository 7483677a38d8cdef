namespace LeadSync.Infrastructure.Intake.Meta;

/// <summary>One answered question of a lead form.</summary>
public sealed record MetaLeadField
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("values")]
    public List<string> Values { get; init; } = [];
}

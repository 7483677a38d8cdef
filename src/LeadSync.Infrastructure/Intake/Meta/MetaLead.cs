namespace LeadSync.Infrastructure.Intake.Meta;

/// <summary>A Graph API lead: <c>{ "id", "created_time", "field_data": [{ "name", "values": [] }] }</c>.</summary>
public sealed record MetaLead
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("created_time")]
    public string? CreatedTime { get; init; }

    [JsonPropertyName("field_data")]
    public List<MetaLeadField> FieldData { get; init; } = [];
}

namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>A lead form (<c>leadForms/{id}</c>): <c>{ id, name, content: { questions[] } }</c>.</summary>
public sealed record LinkedInLeadForm
{
    [JsonPropertyName("id")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("content")]
    public LinkedInFormContent? Content { get; init; }
}

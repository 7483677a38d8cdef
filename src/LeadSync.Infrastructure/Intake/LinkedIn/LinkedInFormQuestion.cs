namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>One question of a form: <c>{ questionId, name, predefinedField }</c> (predefinedField only for standard questions).</summary>
public sealed record LinkedInFormQuestion
{
    [JsonPropertyName("questionId")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long QuestionId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("predefinedField")]
    public string? PredefinedField { get; init; }
}

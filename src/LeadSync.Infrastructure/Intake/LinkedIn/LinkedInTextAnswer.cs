namespace LeadSync.Infrastructure.Intake.LinkedIn;

public sealed record LinkedInTextAnswer
{
    [JsonPropertyName("answer")]
    public string? Answer { get; init; }
}

namespace LeadSync.Infrastructure.Intake.LinkedIn;

public sealed record LinkedInFormContent
{
    [JsonPropertyName("questions")]
    public List<LinkedInFormQuestion> Questions { get; init; } = [];
}

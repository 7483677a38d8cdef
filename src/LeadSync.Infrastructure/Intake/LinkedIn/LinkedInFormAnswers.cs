namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>The <c>formResponse</c> of a lead: the member's answers.</summary>
public sealed record LinkedInFormAnswers
{
    [JsonPropertyName("answers")]
    public List<LinkedInFormAnswer> Answers { get; init; } = [];
}

namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>One answer: <c>{ questionId, answerDetails: { textQuestionAnswer: { answer } } }</c>.</summary>
public sealed record LinkedInFormAnswer
{
    [JsonPropertyName("questionId")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long QuestionId { get; init; }

    [JsonPropertyName("answerDetails")]
    public LinkedInAnswerDetails? AnswerDetails { get; init; }
}

namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>
/// The answer union. Published examples name the text member <c>textQuestionAnswer</c>; <c>textQuestionAnswerDetails</c>
/// is read too in case a version uses that name (unverified). Multiple-choice answers are not read.
/// </summary>
public sealed record LinkedInAnswerDetails
{
    [JsonPropertyName("textQuestionAnswer")]
    public LinkedInTextAnswer? TextQuestionAnswer { get; init; }

    [JsonPropertyName("textQuestionAnswerDetails")]
    public LinkedInTextAnswer? TextQuestionAnswerDetails { get; init; }

    [JsonIgnore]
    public string? Text => TextQuestionAnswer?.Answer ?? TextQuestionAnswerDetails?.Answer;
}

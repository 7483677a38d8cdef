namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>One answered question of a form response, joined with its question from the form definition.</summary>
/// <param name="QuestionId">The form's <c>questionId</c>.</param>
/// <param name="PredefinedField">The question's <c>predefinedField</c> (EMAIL, FIRST_NAME, …); null for custom questions.</param>
/// <param name="Name">The question's <c>name</c>, used as a last-resort guess.</param>
/// <param name="Answer">The text answer.</param>
public sealed record LinkedInAnswer(string QuestionId, string? PredefinedField, string? Name, string? Answer);

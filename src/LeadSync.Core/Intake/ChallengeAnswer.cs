namespace LeadSync.Core.Intake;

/// <summary>The answer to a vendor's endpoint-validation GET (Meta hub.challenge, LinkedIn challengeCode, Mailchimp).</summary>
/// <param name="StatusCode">HTTP status to answer with (200 when validated, 403 when the verify token is wrong).</param>
/// <param name="ContentType">Media type of <paramref name="Body"/>.</param>
/// <param name="Body">The exact body the vendor expects.</param>
public sealed record ChallengeAnswer(int StatusCode, string ContentType, string Body);

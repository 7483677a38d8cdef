namespace LeadSync.Core.Intake;

/// <summary>The answer to a vendor's endpoint-validation GET (Meta hub.challenge, LinkedIn challengeCode, Mailchimp).</summary>
/// <param name="StatusCode">HTTP status to answer with (200 when validated, 400 for a malformed request, 403 when the verify token is wrong).</param>
/// <param name="ContentType">Media type of <paramref name="Body"/>.</param>
/// <param name="Body">The exact body the vendor expects; for a refusal, the problem's detail.</param>
public sealed record ChallengeAnswer(int StatusCode, string ContentType, string Body)
{
    /// <summary>A refused validation request; the endpoint answers it as <c>application/problem+json</c> with <paramref name="detail"/>.</summary>
    public static ChallengeAnswer Refused(int statusCode, string detail)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        return new ChallengeAnswer(statusCode, "text/plain", detail);
    }

    public bool IsRefusal => StatusCode >= 400;
}

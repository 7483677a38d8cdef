namespace LeadSync.Infrastructure.Intake;

/// <summary>The one place that turns a vendor API response into an enrichment outcome.</summary>
internal static class EnrichmentResponses
{
    /// <summary>Wait this long when the vendor rejects our credentials: an operator must fix the token first.</summary>
    public static readonly TimeSpan CredentialsRetry = TimeSpan.FromMinutes(15);

    /// <summary>Null when the response succeeded with content; otherwise the failure outcome.</summary>
    public static EnrichmentResult? Failure<T>(IApiResponse<T> response, string vendor)
    {
        if (response.IsSuccessStatusCode && response.Content is not null)
        {
            return null;
        }

        if (response.StatusCode is not { } status)
        {
            return EnrichmentResult.Transient($"{vendor} gave no HTTP response");
        }

        return status switch
        {
            _ when response.IsSuccessStatusCode => EnrichmentResult.Permanent($"{vendor} answered {(int)status} without a body"),
            HttpStatusCode.NotFound or HttpStatusCode.Gone => EnrichmentResult.Permanent($"{vendor} has no such record ({(int)status})"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                EnrichmentResult.Blocked($"{vendor} rejected the access token ({(int)status}); check the source settings", CredentialsRetry),
            HttpStatusCode.TooManyRequests => EnrichmentResult.Transient($"{vendor} is rate limiting (429)", RetryAfter(response)),
            HttpStatusCode.RequestTimeout or HttpStatusCode.Locked => EnrichmentResult.Transient($"{vendor} answered {(int)status}", RetryAfter(response)),
            >= HttpStatusCode.InternalServerError => EnrichmentResult.Transient($"{vendor} is unavailable ({(int)status})", RetryAfter(response)),
            _ => EnrichmentResult.Permanent($"{vendor} refused the request ({(int)status})"),
        };
    }

    public static EnrichmentResult Unreachable(string vendor, Exception exception) =>
        EnrichmentResult.Transient($"{vendor} could not be reached ({exception.GetType().Name})");

    private static TimeSpan? RetryAfter<T>(IApiResponse<T> response)
    {
        var header = response.Headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}

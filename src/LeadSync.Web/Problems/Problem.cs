namespace LeadSync.Web.Problems;

/// <summary>
/// The one place where outcomes become RFC 9457 problem+json responses. A caller names the problem type and tells the
/// occurrence (detail, extensions); the status and the title come from <see cref="ProblemCatalog"/>.
/// </summary>
public static class Problem
{
    /// <summary>How long a 503 asks the caller to wait unless the cause knows better.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The problem of <paramref name="type"/> (one of <see cref="ProblemTypes"/>) with <paramref name="detail"/>. A 503
    /// carries <c>Retry-After</c> (<paramref name="retryAfter"/>, else 10 s), as does a 429 given one.
    /// </summary>
    public static IResult Of(string type, string detail, IReadOnlyDictionary<string, object?>? extensions = null, TimeSpan? retryAfter = null)
    {
        var row = ProblemCatalog.Of(type);
        var result = TypedResults.Problem(detail: detail, statusCode: row.Status, title: row.Title, type: row.Type,
            extensions: extensions is { Count: > 0 } ? extensions : null);
        return retryAfter is { } wait ? new RetryAfterResult(result, wait)
            : row.Status == 503 ? new RetryAfterResult(result, DefaultRetryAfter)
            : result;
    }

    /// <summary>A problem whose <c>errors</c> member maps each offending field to what is wrong with it.</summary>
    public static IResult WithErrors(string type, string detail, IReadOnlyDictionary<string, string[]>? errors) =>
        Of(type, detail, errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null);

    /// <summary>A core use case's <see cref="Rejection"/>, answered with the type its kind maps to.</summary>
    public static IResult From(Rejection rejection) =>
        WithErrors(ProblemCatalog.TypeOf(rejection.Kind), rejection.Detail, rejection.Errors);

    /// <summary>A refused endpoint-validation GET: a wrong verify token or key (403), otherwise a malformed request (400).</summary>
    public static IResult ChallengeRefused(int status, string detail) =>
        Of(status == 403 ? ProblemTypes.Forbidden : ProblemTypes.InvalidChallenge, detail);

    /// <summary>An acknowledge link past its expiry, or from an earlier cycle of the lead (410 Gone).</summary>
    public static IResult AckLinkExpired(string detail) => Of(ProblemTypes.AckLinkExpired, detail);

    public static IResult NotFound(string detail) => Of(ProblemTypes.NotFound, detail);

    public static IResult StorageUnavailable() =>
        Of(ProblemTypes.StorageUnavailable, "Storage is unavailable; nothing was changed. Retry later.");

    public static IResult LeadBusy() =>
        Of(ProblemTypes.LeadBusy, "Other writers kept changing this lead; nothing was changed. Retry later.");

    public static IResult TooManyRequests(TimeSpan retryAfter, string detail) =>
        Of(ProblemTypes.TooManyRequests, detail, retryAfter: TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))));

    /// <summary>
    /// 503 <c>/problems/crm-unavailable</c> with <c>Retry-After</c> (the CRM's own wait when it sent one); a job run's
    /// report, when there is one, goes in the <c>report</c> member.
    /// </summary>
    public static IResult CrmUnavailable(string detail, TimeSpan? retryAfter, object? report = null) =>
        Of(ProblemTypes.CrmUnavailable, detail,
            report is null ? null : new Dictionary<string, object?> { ["report"] = report },
            retryAfter is { } after && after >= TimeSpan.FromSeconds(1) ? after : TimeSpan.FromSeconds(60));

    public static IResult Internal() => Of(ProblemTypes.Internal, "An unexpected error occurred; it has been logged.");

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "Some fields are not valid; see errors.") =>
        WithErrors(ProblemTypes.Validation, detail, errors);

    public static IResult PreconditionFailed(string detail) => Of(ProblemTypes.PreconditionFailed, detail);

    public static IResult PreconditionRequired() =>
        Of(ProblemTypes.PreconditionRequired, "Send If-Match with the ETag of the version you edited (GET it first); use * only to overwrite blindly.");
}

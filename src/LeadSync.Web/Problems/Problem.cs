using LeadSync.Core.Intake;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Problems;

/// <summary>The one place where outcomes become RFC 9457 problem+json responses.</summary>
public static class Problem
{
    public static IResult From(Rejection rejection)
    {
        var (status, type, title) = rejection.Kind switch
        {
            RejectionKind.UnknownSource => (404, ProblemTypes.UnknownSource, "Unknown webhook source"),
            RejectionKind.Unauthenticated => (401, ProblemTypes.Unauthenticated, "Signature verification failed"),
            RejectionKind.Malformed => (400, ProblemTypes.Malformed, "Malformed request body"),
            RejectionKind.UnsupportedMediaType => (415, ProblemTypes.UnsupportedMediaType, "Unsupported media type"),
            RejectionKind.PayloadTooLarge => (413, ProblemTypes.PayloadTooLarge, "Payload too large"),
            RejectionKind.Unprocessable => (422, ProblemTypes.Unprocessable, "The payload cannot become a lead"),
            RejectionKind.StorageUnavailable => (503, ProblemTypes.StorageUnavailable, "Storage unavailable"),
            _ => (500, ProblemTypes.Internal, "Unexpected error"),
        };
        return Create(status, type, title, rejection.Detail, rejection.Errors);
    }

    public static IResult Create(int status, string type, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var extensions = errors is { Count: > 0 } ? new Dictionary<string, object?> { ["errors"] = errors } : null;
        var result = TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: extensions);
        return status == 503 ? new RetryAfterResult(result, TimeSpan.FromSeconds(10)) : result;
    }

    /// <summary>A refused endpoint-validation GET: a wrong verify token or key (403), otherwise a malformed request (400).</summary>
    public static IResult ChallengeRefused(int status, string detail) => status == 403
        ? Create(403, ProblemTypes.Forbidden, "Forbidden", detail)
        : Create(status, ProblemTypes.InvalidChallenge, "Invalid endpoint validation request", detail);

    /// <summary>An acknowledge link past its expiry, or from an earlier cycle of the lead (410 Gone).</summary>
    public static IResult AckLinkExpired(string detail) => Create(410, ProblemTypes.AckLinkExpired, "Acknowledge link expired", detail);

    public static IResult NotFound(string detail) => Create(404, ProblemTypes.NotFound, "Not found", detail);

    public static IResult StorageUnavailable() =>
        Create(503, ProblemTypes.StorageUnavailable, "Storage unavailable", "Storage is unavailable; nothing was changed. Retry later.");

    public static IResult LeadBusy() =>
        Create(503, ProblemTypes.LeadBusy, "Lead busy", "Other writers kept changing this lead; nothing was changed. Retry later.");

    public static IResult TooManyRequests(TimeSpan retryAfter, string detail) =>
        new RetryAfterResult(
            TypedResults.Problem(detail: detail, statusCode: 429, title: "Too many requests", type: ProblemTypes.TooManyRequests),
            TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))));

    /// <summary>
    /// 503 <c>/problems/crm-unavailable</c> with <c>Retry-After</c> (the CRM's own wait when it sent one); a job run's
    /// report, when there is one, goes in the <c>report</c> member.
    /// </summary>
    public static IResult CrmUnavailable(string detail, TimeSpan? retryAfter, object? report = null)
    {
        var extensions = report is null ? null : new Dictionary<string, object?> { ["report"] = report };
        var result = TypedResults.Problem(detail: detail, statusCode: 503, title: "CRM unavailable", type: ProblemTypes.CrmUnavailable, extensions: extensions);
        var wait = retryAfter is { } after && after >= TimeSpan.FromSeconds(1) ? after : TimeSpan.FromSeconds(60);
        return new RetryAfterResult(result, wait);
    }

    public static IResult Internal() =>
        Create(500, ProblemTypes.Internal, "Unexpected error", "An unexpected error occurred; it has been logged.");

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "Some fields are not valid; see errors.") =>
        Create(400, ProblemTypes.Validation, "Validation failed", detail, errors);

    public static IResult PreconditionFailed(string detail) =>
        Create(412, ProblemTypes.PreconditionFailed, "Precondition failed", detail);

    public static IResult PreconditionRequired() =>
        Create(428, ProblemTypes.PreconditionRequired, "Precondition required",
            "Send If-Match with the ETag of the version you edited (GET it first); use * only to overwrite blindly.");
}

namespace LeadSync.Web.Problems;

/// <summary>
/// The RFC 9457 problem <c>type</c> values LeadSync answers with (relative URIs, documented in README); each one's
/// status and title are in <see cref="ProblemCatalog"/>.
/// </summary>
public static class ProblemTypes
{
    public const string UnknownSource = "/problems/unknown-source";
    public const string Unauthenticated = "/problems/unauthenticated";
    public const string Forbidden = "/problems/forbidden";
    public const string Malformed = "/problems/malformed";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string PayloadTooLarge = "/problems/payload-too-large";
    public const string Unprocessable = "/problems/unprocessable";
    public const string StorageUnavailable = "/problems/storage-unavailable";
    public const string LeadBusy = "/problems/lead-busy";
    public const string TooManyRequests = "/problems/too-many-requests";

    /// <summary>The CRM could not be read; a job run still did what it could without it (503 + Retry-After).</summary>
    public const string CrmUnavailable = "/problems/crm-unavailable";
    public const string NotFound = "/problems/not-found";
    public const string Conflict = "/problems/conflict";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string Internal = "/problems/internal";
    public const string Validation = "/problems/validation";
    public const string PreconditionFailed = "/problems/precondition-failed";
    public const string PreconditionRequired = "/problems/precondition-required";
    public const string InvalidChallenge = "/problems/invalid-challenge";
    public const string AckLinkExpired = "/problems/ack-link-expired";

    /// <summary>Refused by the web server before LeadSync sees the request (portable host; see ServerRejection).</summary>
    public const string BadRequest = "/problems/bad-request";
    public const string UriTooLong = "/problems/uri-too-long";
    public const string RequestHeadersTooLarge = "/problems/request-headers-too-large";
}

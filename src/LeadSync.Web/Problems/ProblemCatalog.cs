namespace LeadSync.Web.Problems;

/// <summary>
/// The one table from outcomes to HTTP: every problem <c>type</c> LeadSync answers with, its status and its title (RFC
/// 9457: a type has one title; the occurrence is told in <c>detail</c>). Callers name a type and give the detail
/// (<see cref="Problem.Of"/>); nothing else picks a status or a title. README's problem table lists the same rows.
/// </summary>
public static class ProblemCatalog
{
    private static readonly ProblemDefinition[] Rows =
    [
        new(ProblemTypes.Malformed, 400, "Malformed request"),
        new(ProblemTypes.Validation, 400, "Validation failed"),
        new(ProblemTypes.InvalidChallenge, 400, "Invalid endpoint validation request"),
        new(ProblemTypes.BadRequest, 400, "Bad request"),
        new(ProblemTypes.Unauthenticated, 401, "Unauthenticated"),
        new(ProblemTypes.Forbidden, 403, "Forbidden"),
        new(ProblemTypes.UnknownSource, 404, "Unknown webhook source"),
        new(ProblemTypes.NotFound, 404, "Not found"),
        new(ProblemTypes.MethodNotAllowed, 405, "Method not allowed"),
        new(ProblemTypes.Conflict, 409, "Transition not allowed"),
        new(ProblemTypes.AckLinkExpired, 410, "Acknowledge link expired"),
        new(ProblemTypes.PreconditionFailed, 412, "Precondition failed"),
        new(ProblemTypes.PayloadTooLarge, 413, "Payload too large"),
        new(ProblemTypes.UriTooLong, 414, "Request target too long"),
        new(ProblemTypes.UnsupportedMediaType, 415, "Unsupported media type"),
        new(ProblemTypes.Unprocessable, 422, "Unprocessable content"),
        new(ProblemTypes.PreconditionRequired, 428, "Precondition required"),
        new(ProblemTypes.TooManyRequests, 429, "Too many requests"),
        new(ProblemTypes.RequestHeadersTooLarge, 431, "Request headers too large"),
        new(ProblemTypes.Internal, 500, "Unexpected error"),
        new(ProblemTypes.StorageUnavailable, 503, "Storage unavailable"),
        new(ProblemTypes.LeadBusy, 503, "Lead busy"),
        new(ProblemTypes.CrmUnavailable, 503, "CRM unavailable"),
    ];

    private static readonly Dictionary<string, ProblemDefinition> ByType = Rows.ToDictionary(r => r.Type, StringComparer.Ordinal);

    /// <summary>Every problem type, in the order of its status.</summary>
    public static IReadOnlyList<ProblemDefinition> All => Rows;

    /// <summary>The row of <paramref name="type"/> (one of <see cref="ProblemTypes"/>); an unknown type is a programming error.</summary>
    public static ProblemDefinition Of(string type) =>
        ByType.TryGetValue(type, out var row) ? row : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a problem type in ProblemCatalog.");

    /// <summary>The problem type a core <see cref="Rejection"/> of <paramref name="kind"/> is answered with.</summary>
    public static string TypeOf(RejectionKind kind) => kind switch
    {
        RejectionKind.UnknownSource => ProblemTypes.UnknownSource,
        RejectionKind.Unauthenticated => ProblemTypes.Unauthenticated,
        RejectionKind.Malformed => ProblemTypes.Malformed,
        RejectionKind.UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
        RejectionKind.PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        RejectionKind.Unprocessable => ProblemTypes.Unprocessable,
        RejectionKind.StorageUnavailable => ProblemTypes.StorageUnavailable,
        _ => ProblemTypes.Internal,
    };

    /// <summary>
    /// The problem type for a response that ASP.NET Core ended with a status and no body (no route: 404; a route
    /// without the method: 405); any other status is taken as the web server refusing the request (400).
    /// </summary>
    public static string ForBodilessStatus(int status) => status switch
    {
        404 => ProblemTypes.NotFound,
        405 => ProblemTypes.MethodNotAllowed,
        _ => ProblemTypes.BadRequest,
    };

    /// <summary>The problem a server-level refusal with <paramref name="status"/> is answered with (400, 414, 431), or null.</summary>
    public static ProblemDefinition? ForServerRefusal(int status) => status switch
    {
        400 => Of(ProblemTypes.BadRequest),
        414 => Of(ProblemTypes.UriTooLong),
        431 => Of(ProblemTypes.RequestHeadersTooLarge),
        _ => null,
    };
}

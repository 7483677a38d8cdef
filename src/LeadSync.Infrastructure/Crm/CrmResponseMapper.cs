using Polly.RateLimiting;

namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// The one place that turns a CRM response into a <see cref="CrmOutcome"/>. The in-process retry strategy uses the same
/// classification, so "retried inline" and "re-queued with RetryAfter" never disagree.
/// </summary>
/// <remarks>
/// Vendor signals: Salesforce has no 429 — an exhausted org allocation is <c>403 REQUEST_LIMIT_EXCEEDED</c> without
/// Retry-After. HubSpot 429 carries <c>policyName</c> (TEN_SECONDLY_ROLLING = transient, DAILY = quota until reset),
/// 423 asks for ≥ 2 s, 477 sends Retry-After. Dataverse sends 429 + Retry-After. Every HTTP <c>Retry-After</c> here is
/// in seconds (or an HTTP date); only HubSpot's outbound <em>workflow</em> webhooks use milliseconds, which is an
/// inbound concern and never reaches this mapper.
/// </remarks>
internal static class CrmResponseMapper
{
    private static readonly TimeSpan HubSpotLockedWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(1);

    public static CrmOutcome ToOutcome(IApiResponse response, CrmProvider provider, TimeSpan quotaRetryAfter, DateTimeOffset now)
    {
        if (!response.IsReceived)
        {
            return FromException(response.Error?.InnerException ?? response.Error);
        }

        if (response.IsSuccessStatusCode)
        {
            return response.Error is null
                ? CrmOutcome.Success
                : new CrmOutcome(CrmOutcomeKind.Permanent, $"Unreadable {provider} response: {response.Error.Message}");
        }

        var body = (response.Error as ApiException)?.Content;
        return Classify(provider, response.StatusCode ?? HttpStatusCode.BadGateway, response.Headers, body, quotaRetryAfter, now);
    }

    /// <summary>A call that never got a response: timeouts, open breaker, full rate-limiter queue, network errors.</summary>
    public static CrmOutcome FromException(Exception? exception) => exception switch
    {
        BrokenCircuitException => new CrmOutcome(CrmOutcomeKind.Transient, "CRM circuit open after repeated failures."),
        RateLimiterRejectedException r => new CrmOutcome(CrmOutcomeKind.Transient, "Client-side CRM rate limit queue is full.", r.RetryAfter),
        TimeoutRejectedException => new CrmOutcome(CrmOutcomeKind.Transient, "CRM call timed out."),
        HttpRequestException h => new CrmOutcome(CrmOutcomeKind.Transient, $"CRM unreachable: {h.HttpRequestError}."),
        null => new CrmOutcome(CrmOutcomeKind.Transient, "CRM call failed without a response."),
        _ when exception.InnerException is { } inner => FromException(inner),
        _ => new CrmOutcome(CrmOutcomeKind.Transient, $"CRM call failed: {exception.GetType().Name}."),
    };

    public static CrmOutcome Classify(
        CrmProvider provider, HttpStatusCode status, HttpResponseHeaders headers, string? body, TimeSpan quotaRetryAfter, DateTimeOffset now)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return CrmOutcome.Success;
        }

        var error = ReadError(provider, body);
        var reason = $"{provider} {code}{(error.Code is { Length: > 0 } c ? " " + c : "")}: {error.Message ?? status.ToString()}";
        var retryAfter = RetryAfter(headers, now);

        return provider switch
        {
            CrmProvider.Salesforce when code == 403 && error.Code == "REQUEST_LIMIT_EXCEEDED" =>
                new CrmOutcome(CrmOutcomeKind.QuotaExhausted, reason, quotaRetryAfter),
            CrmProvider.Salesforce when code == 300 =>
                new CrmOutcome(CrmOutcomeKind.Permanent, $"Salesforce 300: several leads share this external id; nothing was written.{Suffix(error)}"),
            CrmProvider.HubSpot when code == 429 && string.Equals(error.Policy, "DAILY", StringComparison.OrdinalIgnoreCase) =>
                new CrmOutcome(CrmOutcomeKind.QuotaExhausted, reason, quotaRetryAfter),
            CrmProvider.HubSpot when code == 429 =>
                new CrmOutcome(CrmOutcomeKind.Transient, reason, retryAfter ?? HubSpotInterval(headers) ?? DefaultRateLimitWait) { Throttled = true },
            CrmProvider.HubSpot when code == 423 =>
                new CrmOutcome(CrmOutcomeKind.Transient, reason, Max(retryAfter, HubSpotLockedWait)),
            CrmProvider.HubSpot when code == 477 =>
                new CrmOutcome(CrmOutcomeKind.Transient, reason, retryAfter ?? TimeSpan.FromMinutes(5)),
            CrmProvider.HubSpot when code is >= 520 and <= 526 =>
                new CrmOutcome(CrmOutcomeKind.Transient, reason, retryAfter),
            _ when code == 429 => new CrmOutcome(CrmOutcomeKind.Transient, reason, retryAfter ?? DefaultRateLimitWait) { Throttled = true },

            // Credentials and permissions are the connection's trouble, not the lead's: the auth handlers already
            // renewed an expired token once, so a 401 here (or HubSpot's missing-scope / Dataverse's missing-privilege
            // 403) waits with the whole connection instead of dead-lettering every lead.
            _ when code == 401 => new CrmOutcome(CrmOutcomeKind.Transient, reason),
            CrmProvider.Salesforce when error.Code == "LEADSYNC_TOKEN_REQUEST_FAILED" => new CrmOutcome(CrmOutcomeKind.Transient, reason),
            CrmProvider.HubSpot or CrmProvider.Dynamics when code == 403 => new CrmOutcome(CrmOutcomeKind.Transient, reason),
            _ when code is 408 or >= 500 => new CrmOutcome(CrmOutcomeKind.Transient, reason, retryAfter),
            _ => new CrmOutcome(CrmOutcomeKind.Permanent, reason),
        };
    }

    /// <summary>
    /// One record's failure inside a successful batch response (Salesforce sObject Collections, HubSpot 207): row
    /// locks and limits are worth retrying, validation is not.
    /// </summary>
    public static CrmOutcome ClassifyRecordError(CrmProvider provider, string? code, string? message, TimeSpan quotaRetryAfter)
    {
        var reason = $"{provider} record error {code}: {message}";
        return (code ?? "").ToUpperInvariant() switch
        {
            "REQUEST_LIMIT_EXCEEDED" => new CrmOutcome(CrmOutcomeKind.QuotaExhausted, reason, quotaRetryAfter),
            // The record is locked by another write: the CRM answered about this lead, so it uses an attempt.
            "UNABLE_TO_LOCK_ROW" => new CrmOutcome(CrmOutcomeKind.Transient, reason) { AboutRecord = true },
            "RATE_LIMITS" or "RATE_LIMIT" => new CrmOutcome(CrmOutcomeKind.Transient, reason, DefaultRateLimitWait) { Throttled = true },
            "SERVER_UNAVAILABLE" or "LOCKED" or "TIMEOUT" or "INTERNAL_ERROR" =>
                new CrmOutcome(CrmOutcomeKind.Transient, reason, provider == CrmProvider.HubSpot && code == "LOCKED" ? HubSpotLockedWait : null),
            _ => new CrmOutcome(CrmOutcomeKind.Permanent, reason),
        };
    }

    /// <summary><c>Retry-After</c> as delta-seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        return headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };
    }

    private static TimeSpan? HubSpotInterval(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-HubSpot-RateLimit-Interval-Milliseconds", out var values)
        && long.TryParse(values.FirstOrDefault(), out var ms) && ms > 0
        && headers.TryGetValues("X-HubSpot-RateLimit-Remaining", out var remaining) && remaining.FirstOrDefault() == "0"
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private static string Suffix(VendorError error) => error.Message is null ? "" : $" ({error.Message})";

    internal static VendorError ReadError(CrmProvider provider, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            return provider switch
            {
                // Salesforce: [ { "message", "errorCode", "fields" } ] (300 bodies are a list of matching record URLs).
                CrmProvider.Salesforce when root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0
                    && root[0].ValueKind == JsonValueKind.Object =>
                    new VendorError(Str(root[0], "errorCode"), Str(root[0], "message"), null),
                CrmProvider.Salesforce when root.ValueKind == JsonValueKind.Object =>
                    new VendorError(Str(root, "errorCode") ?? Str(root, "error"), Str(root, "message") ?? Str(root, "error_description"), null),
                CrmProvider.HubSpot when root.ValueKind == JsonValueKind.Object =>
                    new VendorError(Str(root, "category") ?? Str(root, "errorType"), Str(root, "message"), Str(root, "policyName")),
                CrmProvider.Dynamics when root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e)
                    && e.ValueKind == JsonValueKind.Object =>
                    new VendorError(Str(e, "code"), Str(e, "message"), null),
                _ => default,
            };
        }
        catch (JsonException)
        {
            return new VendorError(null, body.Length > 200 ? body[..200] : body, null);
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    internal readonly record struct VendorError(string? Code, string? Message, string? Policy);
}

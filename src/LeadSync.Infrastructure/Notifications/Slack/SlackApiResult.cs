namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Maps a Web API answer to one error text, or null when it worked: HTTP 429 (with its <c>Retry-After</c>), any other
/// non-2xx status, a transport failure, or Slack's own <c>{"ok":false,"error":"…"}</c> (sent with HTTP 200).
/// </summary>
internal static class SlackApiResult
{
    /// <summary>Slack's <c>ok:false</c> codes that mean "later" rather than "wrong".</summary>
    private static readonly string[] Transient = ["ratelimited", "rate_limited", "service_unavailable", "fatal_error", "internal_error", "request_timeout"];

    public static (string? Error, TimeSpan? RetryAfter) Check<T>(IApiResponse<T> response, Func<T, (bool Ok, string? Error)> body, DateTimeOffset now)
    {
        if (!response.IsReceived)
        {
            var failure = response.Error?.InnerException ?? response.Error;
            return ($"Slack unreachable ({failure?.GetType().Name ?? "no response"})", null);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return ("throttled by Slack", (response.Headers is { } headers ? RetryAfterHeader.Read(headers, now) : null) ?? TimeSpan.FromSeconds(1));
        }

        if (!response.IsSuccessStatusCode || response.Content is not { } content)
        {
            return ($"HTTP {(int)(response.StatusCode ?? HttpStatusCode.BadGateway)}", null);
        }

        var (ok, code) = body(content);
        if (ok)
        {
            return (null, null);
        }

        var reason = string.IsNullOrWhiteSpace(code) ? "unknown_error" : code.Length > 64 ? code[..64] : code;
        return ($"slack {reason}", Transient.Contains(reason, StringComparer.Ordinal) ? TimeSpan.FromSeconds(5) : null);
    }
}

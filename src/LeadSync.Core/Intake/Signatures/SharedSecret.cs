namespace LeadSync.Core.Intake.Signatures;

/// <summary>Shared-secret checks for vendors that cannot sign (secret in the query string, a path segment or a header).</summary>
public static class SharedSecret
{
    public const string QueryKey = "key";

    /// <summary>
    /// The secret the sender presented: the <c>?key=</c> query value, or else the path segment after the source name
    /// (<c>/api/webhooks/{source}/{secret}</c>).
    /// </summary>
    public static string? FromQueryOrPath(InboundWebhook webhook)
    {
        if (webhook.Query.TryGetValue(QueryKey, out var key) && !string.IsNullOrEmpty(key))
        {
            return key;
        }

        var segments = webhook.RequestUri.IsAbsoluteUri ? webhook.RequestUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
        var index = Array.FindLastIndex(segments, s => string.Equals(s, webhook.Source, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index == segments.Length - 2 ? Uri.UnescapeDataString(segments[^1]) : null;
    }

    public static Rejection? Check(string? presented, string? configured, string where) =>
        Hmac.SecretEquals(presented, configured)
            ? null
            : new Rejection(RejectionKind.Unauthenticated, $"The shared secret ({where}) is missing or wrong.");
}

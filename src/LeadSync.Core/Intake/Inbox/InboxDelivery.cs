namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// An authenticated delivery as the inbox keeps it until it is filed: the webhook without the credentials that
/// authenticated it (URL key, Authorization header), and when it arrived. The id sorts by arrival.
/// </summary>
public sealed record InboxDelivery(string Id, DateTimeOffset ReceivedAt, InboundWebhook Webhook)
{
    /// <summary>Query parameters and headers that authenticate a delivery; they are not needed to file it and are not stored.</summary>
    private static readonly string[] Credentials = ["key", "authorization", "cookie", "x-leadsync-admin-key"];

    public static InboxDelivery Arrived(InboundWebhook webhook, DateTimeOffset now)
    {
        var id = $"{now.UtcTicks:D19}_{Guid.NewGuid():N}";
        return new InboxDelivery(id, now, webhook with
        {
            Headers = Without(webhook.Headers, StringComparer.OrdinalIgnoreCase),
            Query = Without(webhook.Query, StringComparer.Ordinal),
            RequestUri = WithoutSecret(webhook),
        });
    }

    /// <summary>The request URI without its query and without a secret path segment (<c>/api/webhooks/{source}/{secret}</c>).</summary>
    private static Uri WithoutSecret(InboundWebhook webhook)
    {
        if (!webhook.RequestUri.IsAbsoluteUri)
        {
            return webhook.RequestUri;
        }

        var segments = webhook.RequestUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var keep = segments.Length >= 2 && string.Equals(segments[^2], webhook.Source, StringComparison.OrdinalIgnoreCase)
            ? segments[..^1]
            : segments;
        return new UriBuilder(webhook.RequestUri) { Path = "/" + string.Join('/', keep), Query = string.Empty }.Uri;
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> values, StringComparer comparer) =>
        values.Where(v => !Credentials.Contains(v.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(v => v.Key, v => v.Value, comparer);
}

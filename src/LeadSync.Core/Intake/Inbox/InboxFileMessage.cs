namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// The body of a <c>lead-file</c> queue message: the inbox ids of accepted deliveries, separated by spaces (one
/// put, and once filed one delete, for many deliveries). Filing an id twice files one lead: a filed delivery is gone
/// from the inbox, and filing is idempotent.
/// </summary>
public static class InboxFileMessage
{
    /// <summary>Most ids one message carries (≈ 5.3 KB, well under a queue message's 64 KB).</summary>
    public const int MaxDeliveries = 100;

    public static string Of(IEnumerable<string> deliveryIds) => string.Join(' ', deliveryIds);

    /// <summary>The distinct delivery ids of a message body, in order.</summary>
    public static IReadOnlyList<string> DeliveryIds(string body) =>
        [.. body.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}

namespace LeadSync.Core.Notifications;

/// <summary>
/// Where a notification went, or why it could not be delivered (then it is retried, no sooner than
/// <see cref="RetryAfter"/> when the channel said so).
/// </summary>
public sealed record DeliveryResult(bool Delivered, string Destination, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult To(string destination) => new(true, destination);

    public static DeliveryResult Failed(string destination, string error, TimeSpan? retryAfter = null) => new(false, destination, error, retryAfter);
}

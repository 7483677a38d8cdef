namespace LeadSync.Core.Notifications;

/// <summary>Where a notification went, or why it could not be delivered (then it is retried).</summary>
public sealed record DeliveryResult(bool Delivered, string Destination, string? Error = null)
{
    public static DeliveryResult To(string destination) => new(true, destination);

    public static DeliveryResult Failed(string destination, string error) => new(false, destination, error);
}

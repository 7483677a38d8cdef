namespace LeadSync.Core.Notifications;

/// <summary>
/// A concrete destination for a ladder recipient: who (<paramref name="Name"/>), on which channel
/// (<see cref="NotificationChannels"/>) and, for e-mail, at which address.
/// </summary>
public sealed record EscalationDestination(string Recipient, string Name, string Channel, string? Email = null);

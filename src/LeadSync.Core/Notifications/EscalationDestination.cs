namespace LeadSync.Core.Notifications;

/// <summary>
/// A concrete destination for a ladder recipient: who (<paramref name="Name"/>), on which channel
/// (<see cref="NotificationChannels"/>) and, for e-mail, at which address.
/// </summary>
public sealed record EscalationDestination(string Recipient, string Name, string Channel, string? Email = null)
{
    /// <summary>The person's Slack member id (<c>U…</c>), when the directory knows it; otherwise found by e-mail.</summary>
    public string? SlackUserId { get; init; }

    /// <summary>The person's Teams identity (Entra user principal name or object id) for an Adaptive Card mention.</summary>
    public string? TeamsUserId { get; init; }

    /// <summary>The directory's stable id for the person (a people-directory key), when resolved from it.</summary>
    public string? PersonId { get; init; }
}

namespace LeadSync.Core.Notifications;

/// <summary>
/// The signed links of one escalation for one recipient: acknowledge, reassign and snooze. Each carries the recipient
/// (<see cref="Recipient"/>), so whoever follows it acts as that person.
/// </summary>
public sealed record ResponseLinks(string Recipient, Uri Acknowledge, Uri Reassign, Uri Snooze)
{
    /// <summary>The path of the acknowledge route (kept for older links) relative to the public base URL.</summary>
    public static string AckPath(string noticeId) => $"api/escalations/{Uri.EscapeDataString(noticeId)}/ack";

    /// <summary>The path of the reassign/snooze route relative to the public base URL.</summary>
    public static string ActionPath(string noticeId, string action) => $"api/escalations/{Uri.EscapeDataString(noticeId)}/actions/{action}";

    /// <summary>
    /// The identity links to a destination are bound to: the directory's person id, else the person's name; null for
    /// the team (a channel, not a person: its message carries only the older unbound acknowledge link).
    /// </summary>
    public static string? RecipientOf(EscalationDestination? destination) =>
        destination is null ? null
        : !string.IsNullOrWhiteSpace(destination.PersonId) ? destination.PersonId
        : string.IsNullOrWhiteSpace(destination.Name) || destination.Name.Equals("team", StringComparison.OrdinalIgnoreCase) ? null
        : destination.Name;

    public static ResponseLinks Create(Uri publicBaseUrl, string noticeId, int cycle, DateTimeOffset expiresAt, string recipient, string secret)
    {
        Uri Link(string path, string action) =>
            new(publicBaseUrl, $"{path}?{RecipientLinkSignature.Query(noticeId, cycle, expiresAt, action, recipient, secret)}");

        return new ResponseLinks(
            recipient,
            Link(AckPath(noticeId), EscalationResponseActions.Acknowledge),
            Link(ActionPath(noticeId, EscalationResponseActions.Reassign), EscalationResponseActions.Reassign),
            Link(ActionPath(noticeId, EscalationResponseActions.Snooze), EscalationResponseActions.Snooze));
    }
}

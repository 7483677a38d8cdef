namespace LeadSync.Core.Notifications;

/// <summary>The channels a destination can be reached on (<c>LeadSync:Directory:Owners:{owner}:Channel</c>).</summary>
public static class NotificationChannels
{
    /// <summary>The generic JSON webhook (<c>LeadSync:Notifications:WebhookUrl</c>), or the outbox when none is set.</summary>
    public const string Webhook = "webhook";
    public const string Teams = "teams";
    public const string Slack = "slack";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Webhook, Teams, Slack, Email];

    /// <summary>The channel in canonical form; empty or unknown values mean <see cref="Webhook"/>.</summary>
    public static string Normalize(string? channel) =>
        All.FirstOrDefault(c => c.Equals(channel?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Webhook;
}

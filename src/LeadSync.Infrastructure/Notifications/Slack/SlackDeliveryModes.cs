namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>How the Slack app reaches a person (<c>LeadSync:Notifications:Slack:DeliveryMode</c>).</summary>
public static class SlackDeliveryModes
{
    /// <summary>A direct message from the app to the person (<c>chat.postMessage</c> with the user id as channel).</summary>
    public const string DirectMessage = "dm";

    /// <summary>A post in the configured channel that mentions the person (<c>&lt;@U…&gt;</c>).</summary>
    public const string Channel = "channel";

    public static IReadOnlyList<string> All { get; } = [DirectMessage, Channel];
}

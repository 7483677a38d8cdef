namespace LeadSync.Core.Notifications;

/// <summary>Where escalations go (<c>LeadSync:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "LeadSync:Notifications";

    /// <summary>A URL that receives escalation JSON by POST. Empty: escalations go to the outbox table and the log.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Base URL used to build links to leads in notifications.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>How long after raising a notice the re-drive job checks that it was delivered.</summary>
    public TimeSpan RedriveDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Secret for the HMAC-SHA256 signature of acknowledge links. Empty: notifications carry no acknowledge link and
    /// the acknowledge route answers 404.
    /// </summary>
    public string? AckSecret { get; set; }

    /// <summary>
    /// How long an acknowledge link works after the notification is sent (<c>LeadSync:Notifications:AckLinkLifetime</c>,
    /// 1 minute to 365 days); after that the route answers 410.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "LeadSync:Notifications:AckLinkLifetime must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan AckLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long Snooze (a Slack button or a signed link) holds the next escalation level back
    /// (<c>LeadSync:Notifications:SnoozeFor</c>, 1 minute to 1 day).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "LeadSync:Notifications:SnoozeFor must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan SnoozeFor { get; set; } = TimeSpan.FromMinutes(30);
}

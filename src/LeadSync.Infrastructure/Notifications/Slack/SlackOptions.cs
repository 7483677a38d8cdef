namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Slack (<c>LeadSync:Notifications:Slack</c>): either a Slack app with a bot token (a DM to each person, or a channel
/// post that mentions them, with Acknowledge / Reassign / Snooze buttons), or, without a bot token, one incoming-webhook
/// URL (one channel, no mentions, links instead of buttons).
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "LeadSync:Notifications:Slack";

    /// <summary><c>https://hooks.slack.com/services/T…/B…/…</c> (a secret; keep it in Key Vault). Empty: Slack is off.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Client-side limit; Slack allows about one message per second per webhook.</summary>
    [Range(1, 100)]
    public int PerSecond { get; set; } = 1;

    /// <summary>
    /// The Slack app's bot token (<c>xoxb-…</c>; scopes <c>chat:write</c>, <c>users:read</c>, <c>users:read.email</c>; a
    /// secret, keep it in Key Vault). Set: escalations go through the Web API to each person; empty: the webhook URL.
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>The app's signing secret: verifies <c>X-Slack-Signature</c> on the interactivity route (required with a bot token).</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>dm</c> (default): a direct message to the person; <c>channel</c>: a post in <see cref="Channel"/> that mentions them.</summary>
    public string DeliveryMode { get; set; } = SlackDeliveryModes.DirectMessage;

    /// <summary>The channel id (<c>C…</c>) for <c>channel</c> mode and for the <c>team</c> rung (the app must be a member).</summary>
    public string? Channel { get; set; }

    /// <summary>The Web API base (tests point it at a local fake).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How long a <c>users.lookupByEmail</c> answer (found or not) is reused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "LeadSync:Notifications:Slack:UserCacheLifetime must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan UserCacheLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>True when the Slack app (bot token) mode is on.</summary>
    public bool UsesApp => !string.IsNullOrWhiteSpace(BotToken);
}

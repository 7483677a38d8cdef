namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>Slack (<c>LeadSync:Notifications:Slack</c>): an incoming-webhook URL of a Slack app.</summary>
public sealed class SlackOptions
{
    public const string Section = "LeadSync:Notifications:Slack";

    /// <summary><c>https://hooks.slack.com/services/T…/B…/…</c> (a secret; keep it in Key Vault). Empty: Slack is off.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Client-side limit; Slack allows about one message per second per webhook.</summary>
    [Range(1, 100)]
    public int PerSecond { get; set; } = 1;
}

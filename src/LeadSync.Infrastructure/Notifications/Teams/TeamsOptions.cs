namespace LeadSync.Infrastructure.Notifications.Teams;

/// <summary>Microsoft Teams (<c>LeadSync:Notifications:Teams</c>): a Workflows "When a Teams webhook request is received" URL.</summary>
public sealed class TeamsOptions
{
    public const string Section = "LeadSync:Notifications:Teams";

    /// <summary>The flow's HTTP POST URL (it carries its own signature; keep it in Key Vault). Empty: Teams is off.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Client-side limit; Teams throttles connectors above 4 requests per second.</summary>
    [Range(1, 100)]
    public int PerSecond { get; set; } = 4;
}

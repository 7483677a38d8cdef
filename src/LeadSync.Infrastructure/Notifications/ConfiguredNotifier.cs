namespace LeadSync.Infrastructure.Notifications;

/// <summary>
/// Routes each message to its destination's channel (Teams, Slack, e-mail). A channel that is not configured, or a
/// destination with no address, falls back to the generic webhook URL, or to the outbox when none is set.
/// </summary>
public sealed class ConfiguredNotifier(
    IHttpClientFactory httpClientFactory,
    OutboxNotifier outbox,
    TeamsNotifier teams,
    SlackNotifier slack,
    EmailNotifier email,
    IOptionsMonitor<NotificationOptions> options) : INotifier
{
    public const string HttpClientName = "leadsync-notifications";

    public Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var destination = message.Destination;
        return destination?.Channel switch
        {
            NotificationChannels.Teams when teams.IsConfigured => teams.SendAsync(message, cancellationToken),
            NotificationChannels.Slack when slack.IsConfigured => slack.SendAsync(message, cancellationToken),
            NotificationChannels.Email when email.IsConfigured && !string.IsNullOrWhiteSpace(destination.Email) =>
                email.SendAsync(message, destination.Email, cancellationToken),
            _ => options.CurrentValue.WebhookUrl is { } url
                ? new WebhookNotifier(httpClientFactory.CreateClient(HttpClientName), url).SendAsync(message, cancellationToken)
                : outbox.SendAsync(message, cancellationToken),
        };
    }
}

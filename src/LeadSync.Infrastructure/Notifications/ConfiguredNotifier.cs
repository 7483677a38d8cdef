using LeadSync.Core.Notifications;
using Microsoft.Extensions.Options;

namespace LeadSync.Infrastructure.Notifications;

/// <summary>Sends to the configured webhook URL, or to the outbox when none is set.</summary>
public sealed class ConfiguredNotifier(
    IHttpClientFactory httpClientFactory,
    OutboxNotifier outbox,
    IOptionsMonitor<NotificationOptions> options) : INotifier
{
    public const string HttpClientName = "leadsync-notifications";

    public Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken) =>
        options.CurrentValue.WebhookUrl is { } url
            ? new WebhookNotifier(httpClientFactory.CreateClient(HttpClientName), url).SendAsync(message, cancellationToken)
            : outbox.SendAsync(message, cancellationToken);
}

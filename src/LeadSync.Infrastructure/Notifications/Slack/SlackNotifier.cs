namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Posts blocks + text fallback to a Slack incoming webhook; 429 comes back with <c>Retry-After</c>. With a bot token
/// (<see cref="SlackOptions.BotToken"/>) the Slack app posts instead (<see cref="SlackAppNotifier"/>): to each person,
/// with buttons; the team rung without an app channel still uses the webhook when one is set.
/// </summary>
public sealed class SlackNotifier(IHttpClientFactory httpClientFactory, IOptionsMonitor<SlackOptions> options, TimeProvider timeProvider, SlackAppNotifier? app = null) : IDisposable
{
    public const string Destination = NotificationChannels.Slack;
    private readonly Lazy<ChannelThrottle> _throttle = new(() => new ChannelThrottle(options.CurrentValue.PerSecond));

    public bool IsConfigured => options.CurrentValue.WebhookUrl is not null || options.CurrentValue.UsesApp;

    public async Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (_throttle.Value.TryAcquire() is { } wait)
        {
            return DeliveryResult.Failed(Destination, "throttled (client-side limit)", wait);
        }

        var isTeam = ResponseLinks.RecipientOf(message.Destination) is null;
        if (settings.UsesApp && !(isTeam && string.IsNullOrWhiteSpace(settings.Channel) && settings.WebhookUrl is not null))
        {
            return app is null ? DeliveryResult.Failed(Destination, "the Slack app is not registered") : await app.SendAsync(message, cancellationToken);
        }

        var url = settings.WebhookUrl ?? throw new InvalidOperationException("Slack is not configured.");

        using var content = new StringContent(SlackMessage.From(message).ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            using var response = await httpClientFactory.CreateClient(ConfiguredNotifier.HttpClientName).PostAsync(url, content, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return DeliveryResult.Failed(Destination, "throttled by Slack", RetryAfterHeader.Read(response.Headers, timeProvider.GetUtcNow()) ?? TimeSpan.FromSeconds(1));
            }

            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.To(Destination);
            }

            // Slack names the problem in a short text body (invalid_payload, channel_is_archived, no_service, …).
            var reason = await response.Content.ReadAsStringAsync(cancellationToken);
            return DeliveryResult.Failed(Destination, $"HTTP {(int)response.StatusCode} {(reason.Length > 64 ? reason[..64] : reason)}");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Failed(Destination, ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed(Destination, "timeout");
        }
    }

    public void Dispose()
    {
        if (_throttle.IsValueCreated)
        {
            _throttle.Value.Dispose();
        }
    }
}

namespace LeadSync.Infrastructure.Notifications.Teams;

/// <summary>
/// Posts the Adaptive Card to the Teams Workflows (or legacy connector) URL. Connectors report throttling inside a
/// 200 body ("…HTTP error 429"), so the body of a success is checked too.
/// </summary>
public sealed class TeamsNotifier(IHttpClientFactory httpClientFactory, IOptionsMonitor<TeamsOptions> options, TimeProvider timeProvider) : IDisposable
{
    public const string Destination = NotificationChannels.Teams;
    private static readonly TimeSpan ThrottledRetry = TimeSpan.FromSeconds(2);
    private readonly Lazy<ChannelThrottle> _throttle = new(() => new ChannelThrottle(options.CurrentValue.PerSecond));

    public bool IsConfigured => options.CurrentValue.WebhookUrl is not null;

    public async Task<DeliveryResult> SendAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        var url = options.CurrentValue.WebhookUrl ?? throw new InvalidOperationException("Teams is not configured.");
        if (_throttle.Value.TryAcquire() is { } wait)
        {
            return DeliveryResult.Failed(Destination, "throttled (client-side limit)", wait);
        }

        using var content = new ByteArrayContent(TeamsCard.Serialize(message));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await httpClientFactory.CreateClient(ConfiguredNotifier.HttpClientName).PostAsync(url, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (response.IsSuccessStatusCode && IsThrottleBody(body)))
            {
                return DeliveryResult.Failed(Destination, "throttled by Teams", RetryAfterHeader.Read(response.Headers, timeProvider.GetUtcNow()) ?? ThrottledRetry);
            }

            return response.IsSuccessStatusCode
                ? DeliveryResult.To(Destination)
                : DeliveryResult.Failed(Destination, $"HTTP {(int)response.StatusCode}");
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

    /// <summary>True for a 2xx body that carries the connector's throttling message.</summary>
    public static bool IsThrottleBody(string? body) =>
        body is not null && (body.Contains("429", StringComparison.Ordinal) || body.Contains("throttl", StringComparison.OrdinalIgnoreCase));

    public void Dispose()
    {
        if (_throttle.IsValueCreated)
        {
            _throttle.Value.Dispose();
        }
    }
}

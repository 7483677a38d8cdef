namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// The Slack Web API client: Refit, the bot token handler and a small Polly pipeline — total and per-attempt timeouts,
/// and retries only where they cannot duplicate a message: a 429 whose <c>Retry-After</c> is short (Slack refused the
/// call, so sending it again is safe), and transient failures of the read-only <c>users.lookupByEmail</c>. A longer
/// 429 goes back to the notify queue with its delay.
/// </summary>
internal static class SlackClientRegistration
{
    public static readonly TimeSpan MaxInlineRetryAfter = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddSlackApp(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddTransient<SlackAuthHandler>();
        var client = services.AddRefitGeneratedClient<ISlackWebApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiBaseUrl.ToString();
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl[..^1] : baseUrl);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllLoggers(); // request logs would carry e-mail addresses in the lookup query
        client.AddResilienceHandler("slack-web-api", pipeline =>
            {
                pipeline.AddTimeout(TimeSpan.FromSeconds(20));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(5));
            });
        client.AddHttpMessageHandler<SlackAuthHandler>();
        services.AddSingleton<SlackPeople>();
        services.AddSingleton<SlackReplayGuard>();
        services.AddSingleton<SlackAppNotifier>();
        return services;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } throttled)
        {
            return throttled.Headers.RetryAfter?.Delta is { } delta && delta <= MaxInlineRetryAfter;
        }

        var isRead = outcome.Result?.RequestMessage?.Method == HttpMethod.Get;
        return isRead && (outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError });
    }
}

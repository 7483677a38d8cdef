namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>The bot token as a bearer credential on every Web API call.</summary>
internal sealed class SlackAuthHandler(IOptionsMonitor<SlackOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.CurrentValue.BotToken?.Trim());
        return base.SendAsync(request, cancellationToken);
    }
}

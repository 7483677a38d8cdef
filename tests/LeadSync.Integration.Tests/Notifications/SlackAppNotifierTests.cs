using LeadSync.Core.Notifications;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Notifications.Slack;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>
/// The Slack app path over real HTTP against a local fake Slack Web API (Kestrel): the Refit client with its Polly
/// pipeline, the bearer token, <c>users.lookupByEmail</c> and its cache, <c>chat.postMessage</c> as a DM or a channel
/// mention, Slack's <c>ok:false</c> errors and 429 <c>Retry-After</c>.
/// </summary>
public sealed class SlackAppNotifierTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private FakeSlackApi _slack = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _slack.AddUser("dana@example.com", "U0DANA");
        _slack.AddUser("mia@example.com", "U0MIA");
        _slack.AddChannel("C0SALES");
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _slack.DisposeAsync();
    }

    private ServiceProvider Services(Action<SlackOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddHttpClient(ConfiguredNotifier.HttpClientName);
        services.AddOptions<SlackOptions>().Configure(o =>
        {
            o.BotToken = _slack.Token;
            o.SigningSecret = "signing";
            o.ApiBaseUrl = _slack.ApiBaseUrl;
            o.Channel = "C0SALES";
            configure?.Invoke(o);
        });
        services.AddSlackApp();
        _services = services.BuildServiceProvider();
        return _services;
    }

    private static EscalationMessage To(string name, string? email, string? slackUserId = null, string recipient = "owner") =>
        SlackAppPayloadTests.Message(recipient, new EscalationDestination(recipient, name, NotificationChannels.Slack, email) { SlackUserId = slackUserId });

    [Fact]
    public async Task A_known_member_id_gets_a_direct_message_without_a_lookup()
    {
        var notifier = Services().GetRequiredService<SlackAppNotifier>();

        var result = await notifier.SendAsync(To("dana", "dana@example.com", "U0DANA"), CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        var post = Assert.Single(_slack.PostsTo("U0DANA"));
        Assert.Contains(post.Body.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
        Assert.Empty(_slack.Lookups);
    }

    [Fact]
    public async Task A_person_is_found_by_email_once_and_the_answer_is_cached()
    {
        var notifier = Services().GetRequiredService<SlackAppNotifier>();

        var first = await notifier.SendAsync(To("mia", "mia@example.com", recipient: "manager"), CancellationToken.None);
        var second = await notifier.SendAsync(To("mia", "MIA@example.com", recipient: "manager"), CancellationToken.None);

        Assert.True(first.Delivered && second.Delivered);
        Assert.Equal(2, _slack.PostsTo("U0MIA").Count);
        Assert.Single(_slack.Lookups);
        _time.Advance(TimeSpan.FromHours(13));
        Assert.True((await notifier.SendAsync(To("mia", "mia@example.com"), CancellationToken.None)).Delivered);
        Assert.Equal(2, _slack.Lookups.Count);
    }

    [Fact]
    public async Task In_channel_mode_the_post_goes_to_the_channel_and_mentions_the_person()
    {
        var notifier = Services(o => o.DeliveryMode = SlackDeliveryModes.Channel).GetRequiredService<SlackAppNotifier>();

        Assert.True((await notifier.SendAsync(To("dana", "dana@example.com"), CancellationToken.None)).Delivered);

        var post = Assert.Single(_slack.PostsTo("C0SALES"));
        Assert.StartsWith("<@U0DANA>", post.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_rung_posts_to_the_configured_channel_without_a_mention()
    {
        var notifier = Services().GetRequiredService<SlackAppNotifier>();
        var team = SlackAppPayloadTests.Message("team", new EscalationDestination("team", "team", NotificationChannels.Slack)) with { Links = null };

        Assert.True((await notifier.SendAsync(team, CancellationToken.None)).Delivered);

        var post = Assert.Single(_slack.PostsTo("C0SALES"));
        Assert.DoesNotContain("<@", post.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_slack_does_not_know_is_posted_to_the_channel_saying_so_and_the_answer_is_cached()
    {
        var notifier = Services().GetRequiredService<SlackAppNotifier>();

        var first = await notifier.SendAsync(To("ghost", "ghost@example.com"), CancellationToken.None);
        var second = await notifier.SendAsync(To("ghost", "ghost@example.com"), CancellationToken.None);

        Assert.True(first.Delivered, first.Error);
        Assert.True(second.Delivered, second.Error);
        Assert.Single(_slack.Lookups);
        var posts = _slack.PostsTo("C0SALES");
        Assert.Equal(2, posts.Count);
        Assert.DoesNotContain("<@", posts[0].Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("is not in Slack (slack users_not_found); posted here instead.", posts[0].Body.GetProperty("blocks").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_being_unreachable_is_a_failed_delivery_that_the_queue_retries_not_a_channel_post()
    {
        var notifier = Services(o => o.ApiBaseUrl = new Uri("http://127.0.0.1:9/api/")).GetRequiredService<SlackAppNotifier>();

        var result = await notifier.SendAsync(To("ghost", "ghost@example.com"), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
        Assert.Empty(_slack.Posts);
    }

    [Fact]
    public async Task An_ok_false_answer_is_a_failed_delivery_naming_slacks_error()
    {
        var notifier = Services(o => { o.DeliveryMode = SlackDeliveryModes.Channel; o.Channel = "C0GONE"; }).GetRequiredService<SlackAppNotifier>();

        var result = await notifier.SendAsync(To("dana", null, "U0DANA"), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal("slack channel_not_found", result.Error);
    }

    [Fact]
    public async Task A_wrong_bot_token_is_reported_as_invalid_auth()
    {
        var notifier = Services(o => o.BotToken = "xoxb-wrong").GetRequiredService<SlackAppNotifier>();

        var result = await notifier.SendAsync(To("dana", null, "U0DANA"), CancellationToken.None);

        Assert.Equal("slack invalid_auth", result.Error);
    }

    [Fact]
    public async Task A_long_retry_after_goes_back_to_the_queue_with_its_delay_and_is_not_retried_inline()
    {
        var notifier = Services().GetRequiredService<SlackAppNotifier>();
        _slack.ThrottleNext(1, retryAfterSeconds: 30);

        var result = await notifier.SendAsync(To("dana", null, "U0DANA"), CancellationToken.None);
        var next = await notifier.SendAsync(To("dana", null, "U0DANA"), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal("throttled by Slack", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.True(next.Delivered);
        Assert.Single(_slack.Posts);
    }

    [Fact]
    public async Task A_short_retry_after_is_honoured_inline_once()
    {
        var notifier = Services().GetRequiredService<SlackAppNotifier>();
        _slack.ThrottleNext(1, retryAfterSeconds: 1);

        var sending = notifier.SendAsync(To("dana", null, "U0DANA"), CancellationToken.None);
        while (!sending.IsCompleted && _slack.Posts.Count == 0)
        {
            // The pipeline waits on the injected clock: move it past the one-second Retry-After.
            await Task.Delay(50);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        var result = await sending;
        Assert.True(result.Delivered, result.Error);
        Assert.Single(_slack.Posts);
    }

    [Theory]
    [InlineData("xoxp-user-token", "signing", "dm", null, "BotToken must be a bot token")]
    [InlineData("xoxb-1", null, "dm", null, "SigningSecret is required")]
    [InlineData("xoxb-1", "signing", "channel", null, "Channel is required")]
    [InlineData("xoxb-1", "signing", "dm", " ", "Channel is required with a bot token")]
    [InlineData(null, null, "carrier-pigeon", null, "DeliveryMode 'carrier-pigeon'")]
    public void Settings_that_cannot_work_are_refused_with_a_clear_message(string? token, string? secret, string mode, string? channel, string expected)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { BotToken = token, SigningSecret = secret, DeliveryMode = mode, Channel = channel });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_bot_token_the_webhook_mode_settings_stay_valid()
    {
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions { WebhookUrl = new Uri("https://hooks.slack.com/services/T/B/X") }).Succeeded);
    }
}

using System.Text.Json;
using LeadSync.Core.Notifications;
using LeadSync.Infrastructure.Notifications;
using LeadSync.Infrastructure.Notifications.Email;
using LeadSync.Infrastructure.Notifications.Slack;
using LeadSync.Infrastructure.Notifications.Teams;
using LeadSync.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>The Teams, Slack and SMTP notifiers against real local peers: payload shapes, throttling, retry-after.</summary>
public sealed class ChannelNotifierTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private HttpReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await HttpReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static EscalationMessage Message(string name = "Ada Lovelace") => new()
    {
        NoticeId = "ld_test.2",
        LeadId = "ld_test",
        Level = 2,
        Recipient = "manager",
        LeadName = name,
        Company = "Analytical Engines",
        Source = "generic",
        Owner = "ana",
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
        DeadlineAt = new DateTimeOffset(2026, 11, 23, 8, 5, 0, TimeSpan.Zero),
        Late = TimeSpan.FromMinutes(75),
        LeadLink = new Uri("http://localhost:7071/api/leads/ld_test"),
        AckLink = new Uri("http://localhost:7071/api/escalations/ld_test.2/ack?sig=abc"),
        Action = "reassign",
    };

    private TeamsNotifier Teams(int perSecond = 4) =>
        new(new SingleClientFactory(), Monitor(new TeamsOptions { WebhookUrl = _receiver.Url, PerSecond = perSecond }), _time);

    private SlackNotifier Slack(int perSecond = 1) =>
        new(new SingleClientFactory(), Monitor(new SlackOptions { WebhookUrl = _receiver.Url, PerSecond = perSecond }), _time);

    private static IOptionsMonitor<T> Monitor<T>(T value)
        where T : class => new StaticMonitor<T>(value);

    [Fact]
    public async Task Teams_gets_the_adaptive_card_envelope()
    {
        using var teams = Teams();

        var result = await teams.SendAsync(Message(), CancellationToken.None);

        Assert.True(result.Delivered);
        var root = JsonDocument.Parse(Assert.Single(_receiver.Received).Body).RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = root.GetProperty("attachments")[0];
        Assert.Equal(TeamsCard.ContentType, attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        Assert.Equal("1.2", attachment.GetProperty("content").GetProperty("version").GetString());
        Assert.Contains(attachment.GetProperty("content").GetProperty("body")[1].GetProperty("facts").EnumerateArray(),
            f => f.GetProperty("title").GetString() == "Late" && f.GetProperty("value").GetString() == "1 h 15 min");
    }

    [Fact]
    public void A_huge_lead_name_still_fits_the_teams_size_limit()
    {
        Assert.True(TeamsCard.Serialize(Message(new string('x', 100_000))).Length < TeamsCard.MaxBytes);
    }

    [Fact]
    public async Task A_teams_throttle_reported_inside_a_200_body_is_a_failed_send_with_a_retry_after()
    {
        using var teams = Teams();
        _receiver.AnswerNext(1, 200, "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0");

        var result = await teams.SendAsync(Message(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.NotNull(result.RetryAfter);
    }

    [Fact]
    public async Task Slack_gets_text_fallback_and_blocks_and_its_429_retry_after_is_honoured()
    {
        using var slack = Slack(perSecond: 10);
        _receiver.AnswerNext(1, 429, "rate_limited", TimeSpan.FromSeconds(7));

        var throttled = await slack.SendAsync(Message(), CancellationToken.None);
        var delivered = await slack.SendAsync(Message(), CancellationToken.None);

        Assert.Equal((false, TimeSpan.FromSeconds(7)), (throttled.Delivered, throttled.RetryAfter));
        Assert.True(delivered.Delivered);
        var body = JsonDocument.Parse(_receiver.Received.Last().Body).RootElement;
        Assert.StartsWith("SLA breach, level 2 (manager): Ada Lovelace", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("header", body.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal(6, body.GetProperty("blocks")[1].GetProperty("fields").GetArrayLength());
    }

    [Fact]
    public void The_client_side_limit_fails_fast_with_a_retry_after_instead_of_waiting()
    {
        using var throttle = new ChannelThrottle(perSecond: 2);

        Assert.Null(throttle.TryAcquire());
        Assert.Null(throttle.TryAcquire());
        var wait = throttle.TryAcquire();

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Email_goes_over_smtp_to_the_destination_address()
    {
        await using var smtp = SmtpReceiver.Start();
        var email = new EmailNotifier(Monitor(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, UseTls = false, From = "leadsync@example.com" }));

        var result = await email.SendAsync(Message(), "max@example.com", CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(("leadsync@example.com", "max@example.com"), (mail.From, mail.To.Single()));
        Assert.Equal("ld_test.2", mail.Message.Headers["X-LeadSync-Notice"]);
        Assert.Contains("Acknowledge: http://localhost:7071/api/escalations/ld_test.2/ack?sig=abc", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_smtp_server_is_a_failed_send()
    {
        var email = new EmailNotifier(Monitor(new SmtpOptions { Host = "127.0.0.1", Port = FreePort.Next(), UseTls = false }));

        var result = await email.SendAsync(Message(), "max@example.com", CancellationToken.None);

        Assert.False(result.Delivered);
    }

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(10) };
    }

    private sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}

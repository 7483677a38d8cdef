using System.Collections.Concurrent;
using LeadSync.Core.Notifications;
using LeadSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>
/// Issue 21 item 12: the generic notification webhook URL's path can hold a secret (Slack- and Teams-style URLs do):
/// it is neither logged (the HTTP client's request logging used to print it) nor stored as the delivery's destination.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NotificationUrlSecrecyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SecretPath = "T0AAA/B0BBB/secret-path-7f3a9c";
    private readonly CapturingLoggerProvider _logs = new();
    private HttpReceiver _receiver = null!;
    private TestServices _services = null!;

    public async Task InitializeAsync()
    {
        _receiver = await HttpReceiver.StartAsync();
        var url = new Uri(_receiver.Url, "/services/" + SecretPath);
        _services = TestServices.Create(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LeadSync:Notifications:WebhookUrl"] = url.ToString(),
        }, configure: services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_urls_path_is_neither_logged_nor_kept_as_the_destination()
    {
        var result = await _services.Get<INotifier>().SendAsync(new EscalationMessage
        {
            NoticeId = "ld_secret.1",
            LeadId = "ld_secret",
            Level = 1,
            Recipient = "owner",
            LeadName = "Ada Lovelace",
            Source = "generic",
            ReceivedAt = DateTimeOffset.UnixEpoch,
            DeadlineAt = DateTimeOffset.UnixEpoch,
            Late = TimeSpan.Zero,
            LeadLink = new Uri("http://localhost/api/leads/ld_secret"),
        }, CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        Assert.Single(_receiver.Received);
        Assert.DoesNotContain("secret-path", result.Destination, StringComparison.Ordinal);
        Assert.Equal(_receiver.Url.GetLeftPart(UriPartial.Authority), result.Destination);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("secret-path", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}

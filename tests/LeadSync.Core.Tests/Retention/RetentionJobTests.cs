using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Retention;

public sealed class RetentionJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 45, 0, TimeSpan.Zero);
    private readonly Mock<IRetentionStore> _store = new();
    private readonly Mock<IIntakeInbox> _inbox = new();
    private readonly Mock<IQuarantineStore> _quarantine = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RetentionOptions _options = new() { RawPayloadAge = TimeSpan.FromDays(30), QuarantineAge = TimeSpan.FromDays(20), OutboxAge = TimeSpan.FromDays(10), InboxAge = TimeSpan.FromDays(2), BatchSize = 7 };

    private RetentionJob Job() => new(_store.Object, _inbox.Object, _quarantine.Object,
        Mock.Of<IOptionsMonitor<RetentionOptions>>(m => m.CurrentValue == _options), _time, NullLogger<RetentionJob>.Instance);

    [Fact]
    public async Task Each_kind_is_purged_at_its_own_age_a_batch_at_a_time()
    {
        _inbox.Setup(i => i.ListAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _store.Setup(s => s.PurgeRawPayloadsAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var report = await Job().RunAsync(default);

        _store.Verify(s => s.PurgeRawPayloadsAsync(Now.AddDays(-30), 7, It.IsAny<CancellationToken>()));
        _store.Verify(s => s.PurgeQuarantineAsync(Now.AddDays(-20), 7, It.IsAny<CancellationToken>()));
        _store.Verify(s => s.PurgeOutboxAsync(Now.AddDays(-10), 7, It.IsAny<CancellationToken>()));
        _inbox.Verify(i => i.ListAsync(Now.AddDays(-2), 7, It.IsAny<CancellationToken>()));
        Assert.Equal(("retention", 3), (report.Job, report.Acted));
    }

    [Fact]
    public async Task An_unfiled_inbox_row_past_its_age_is_quarantined_before_it_is_removed()
    {
        var webhook = new InboundWebhook
        {
            Source = "typeform",
            Method = "POST",
            RequestUri = new Uri("https://leadsync.example/api/webhooks/typeform"),
            ContentType = "application/json",
            Body = "{\"a\":1}"u8.ToArray(),
            Headers = new Dictionary<string, string> { ["Typeform-Signature"] = "sha256=x" },
        };
        var stale = InboxDelivery.Arrived(webhook, Now.AddDays(-3));
        _inbox.Setup(i => i.ListAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([stale]);
        var calls = new List<string>();
        QuarantineItem? added = null;
        _quarantine.Setup(q => q.AddAsync(It.IsAny<QuarantineItem>(), It.IsAny<CancellationToken>()))
            .Callback<QuarantineItem, CancellationToken>((item, _) => { added = item; calls.Add("quarantine"); }).Returns(Task.CompletedTask);
        _inbox.Setup(i => i.RemoveAsync(stale.Id, It.IsAny<CancellationToken>())).Callback(() => calls.Add("remove")).Returns(Task.CompletedTask);

        await Job().RunAsync(default);

        Assert.Equal(["quarantine", "remove"], calls);
        Assert.Equal((RetentionJob.InboxExpiredReason, "typeform", "{\"a\":1}"), (added!.Reason, added.Source, System.Text.Encoding.UTF8.GetString(added.Body)));
        Assert.Equal(stale.ReceivedAt, added.ReceivedAt);
        Assert.Equal("sha256=x", added.Headers["Typeform-Signature"]);
        Assert.Matches("^q_[0-9]{19}_[0-9a-f]{10}$", added.Id);
        Assert.StartsWith($"q_{Now.UtcTicks:D19}_", added.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RawPayloadAge", "12:00:00")]
    [InlineData("QuarantineAge", "00:00:00")]
    [InlineData("OutboxAge", "-1.00:00:00")]
    [InlineData("InboxAge", "00:30:00")]
    [InlineData("BatchSize", "0")]
    [InlineData("BatchSize", "5001")]
    public void Settings_that_would_delete_too_soon_or_page_badly_are_refused_naming_the_setting(string setting, string value)
    {
        var options = new RetentionOptions();
        var property = typeof(RetentionOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int)
            ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var result = new RetentionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"LeadSync:Retention:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.True(new RetentionOptionsValidator().Validate(null, new RetentionOptions()).Succeeded);
}

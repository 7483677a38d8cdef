using LeadSync.Testing;
using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Redaction;
using LeadSync.Core.Intake.Generic;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using LeadSync.Core.Qualification;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake;

public sealed class WebhookIntakeTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<ILeadStore> _store = new();
    private readonly Mock<IDueIndex> _dueIndex = new();
    private readonly Mock<IWorkQueue> _queue = new();
    private readonly Mock<IQuarantineStore> _quarantine = new();
    private readonly List<string> _calls = [];
    private int _minimumScore;

    public WebhookIntakeTests()
    {
        _store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("store"))
            .ReturnsAsync((LeadChange c, CancellationToken _) => new LeadCreateResult(c.Lead, false));
        _queue.Setup(q => q.EnqueueAsync(QueueNames.LeadSync, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("enqueue")).Returns(Task.CompletedTask);
        _dueIndex.Setup(d => d.ScheduleAsync(It.IsAny<DueItem>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("hint")).Returns(Task.CompletedTask);
    }

    private WebhookIntake Intake()
    {
        var source = new GenericWebhookSource(SourceOptions.Of(new GenericSourceOptions { Secret = Secret }), new StandardWebhookVerifier(_time));
        var qualification = new QualificationPolicy(Mock.Of<IOptionsMonitor<QualificationOptions>>(m => m.CurrentValue == new QualificationOptions { MinimumScore = _minimumScore }));
        return new WebhookIntake([source], _store.Object, _dueIndex.Object, _queue.Object, qualification, _quarantine.Object,
            Options.Create(new IntakeOptions()), _time, NullLogger<WebhookIntake>.Instance,
            new NoLeadEmailIndex(), Mock.Of<ILeadAliases>(), new WebhookRedactor());
    }

    private static InboundWebhook Signed(string body, string contentType = "application/json", string id = "msg_1", string source = "generic")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = Now.ToUnixTimeSeconds();
        return new InboundWebhook
        {
            Source = source,
            Method = "POST",
            RequestUri = new Uri("http://localhost/api/webhooks/generic"),
            ContentType = contentType,
            Body = bytes,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["webhook-signature"] = StandardWebhookVerifier.Sign(Secret, id, timestamp, bytes),
            },
        };
    }

    [Fact]
    public async Task A_sales_ready_lead_is_stored_before_it_is_handed_to_crm_sync()
    {
        var result = await Intake().AcceptAsync(Signed("""{"data":{"email":"ada@example.com"}}"""), CancellationToken.None);

        var accepted = Assert.Single(result.Leads);
        Assert.False(accepted.Duplicate);
        Assert.Equal(LeadIdFactory.FromDelivery("generic", "msg_1"), accepted.LeadId);
        Assert.Equal(["hint", "store", "enqueue"], _calls);
        _store.Verify(s => s.CreateAsync(It.Is<LeadChange>(c =>
            c.Lead.Status == LeadStatus.SalesReady &&
            c.Entries.Select(e => e.Event).SequenceEqual(new[] { LeadEvents.Received, LeadEvents.SalesReady })), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_passing_check_carries_the_delivery_without_its_credentials_for_the_inbox()
    {
        var signed = Signed("""{"data":{"email":"ada@example.com"}}""");
        var webhook = signed with
        {
            Headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer top-secret-token" },
            Query = new Dictionary<string, string>(StringComparer.Ordinal) { ["code"] = "function-key-123", ["utm_source"] = "news" },
        };

        var check = await Intake().CheckAsync(webhook, CancellationToken.None);

        Assert.True(check.Passed);
        var redacted = Assert.IsType<InboundWebhook>(check.Redacted);
        Assert.False(redacted.Headers.ContainsKey("Authorization"));
        Assert.Equal(["utm_source"], redacted.Query.Keys);
        Assert.Equal(webhook.Body.ToArray(), redacted.Body.ToArray());
        Assert.Null((await Intake().CheckAsync(webhook with { Source = "nope" }, CancellationToken.None)).Redacted);
    }

    [Fact]
    public async Task A_lead_below_the_score_threshold_goes_to_nurture_and_not_to_sales()
    {
        _minimumScore = 50;

        var result = await Intake().AcceptAsync(Signed("""{"data":{"email":"ada@example.com","score":10}}"""), CancellationToken.None);

        Assert.True(result.IsAccepted);
        _store.Verify(s => s.CreateAsync(It.Is<LeadChange>(c => c.Lead.Status == LeadStatus.Nurture), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.EnqueueAsync(QueueNames.LeadNurture, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_redelivery_is_a_duplicate_and_repairs_the_sync_hand_off()
    {
        _store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((LeadChange c, CancellationToken _) => new LeadCreateResult(c.Lead, AlreadyExisted: true));

        var result = await Intake().AcceptAsync(Signed("""{"data":{"email":"ada@example.com"}}"""), CancellationToken.None);

        Assert.True(Assert.Single(result.Leads).Duplicate);
        _queue.Verify(q => q.EnqueueAsync(QueueNames.LeadSync, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Storage_being_down_is_reported_and_nothing_is_enqueued()
    {
        _store.Setup(s => s.CreateAsync(It.IsAny<LeadChange>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException());

        var result = await Intake().AcceptAsync(Signed("""{"data":{"email":"ada@example.com"}}"""), CancellationToken.None);

        Assert.Equal(RejectionKind.StorageUnavailable, result.Rejection?.Kind);
        _queue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("text/plain", RejectionKind.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", RejectionKind.UnsupportedMediaType)]
    [InlineData("", RejectionKind.UnsupportedMediaType)]
    public async Task A_wrong_content_type_is_refused_before_anything_is_stored(string contentType, RejectionKind expected)
    {
        var result = await Intake().AcceptAsync(Signed("""{"data":{"email":"ada@example.com"}}""", contentType), CancellationToken.None);

        Assert.Equal(expected, result.Rejection?.Kind);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Json_with_a_charset_parameter_is_accepted()
    {
        var result = await Intake().AcceptAsync(Signed("""{"data":{"email":"ada@example.com"}}""", "application/json; charset=utf-8"), CancellationToken.None);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task An_authentic_payload_that_cannot_become_a_lead_is_quarantined_with_its_reason()
    {
        QuarantineItem? stored = null;
        _quarantine.Setup(q => q.AddAsync(It.IsAny<QuarantineItem>(), It.IsAny<CancellationToken>()))
            .Callback((QuarantineItem item, CancellationToken _) => stored = item).Returns(Task.CompletedTask);

        var result = await Intake().AcceptAsync(Signed("""{"data":{"firstName":"Nobody"}}"""), CancellationToken.None);

        Assert.Equal(RejectionKind.Unprocessable, result.Rejection?.Kind);
        Assert.NotNull(stored);
        Assert.Equal("generic", stored.Source);
        Assert.Equal(stored.Id, Assert.Single(result.Rejection!.Errors!["quarantineId"]));
        Assert.Contains("data.email", stored.Errors.Keys);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_quarantine_that_cannot_be_stored_is_a_retryable_storage_failure_not_a_422()
    {
        _quarantine.Setup(q => q.AddAsync(It.IsAny<QuarantineItem>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StorageUnavailableException());

        var result = await Intake().AcceptAsync(Signed("""{"data":{"firstName":"Nobody"}}"""), CancellationToken.None);

        Assert.Equal(RejectionKind.StorageUnavailable, result.Rejection?.Kind);
    }

    [Fact]
    public async Task Malformed_json_is_not_quarantined()
    {
        var result = await Intake().AcceptAsync(Signed("{oops"), CancellationToken.None);

        Assert.Equal(RejectionKind.Malformed, result.Rejection?.Kind);
        _quarantine.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_unknown_source_is_refused()
    {
        var result = await Intake().AcceptAsync(Signed("{}", source: "nope"), CancellationToken.None);

        Assert.Equal(RejectionKind.UnknownSource, result.Rejection?.Kind);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_parsing()
    {
        var body = "{\"data\":{\"email\":\"ada@example.com\",\"company\":\"" + new string('x', 300 * 1024) + "\"}}";

        var result = await Intake().AcceptAsync(Signed(body), CancellationToken.None);

        Assert.Equal(RejectionKind.PayloadTooLarge, result.Rejection?.Kind);
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_tampered_delivery_is_refused_and_not_stored()
    {
        var signed = Signed("""{"data":{"email":"ada@example.com"}}""");
        var tampered = signed with { Body = Encoding.UTF8.GetBytes("""{"data":{"email":"eve@example.com"}}""") };

        var result = await Intake().AcceptAsync(tampered, CancellationToken.None);

        Assert.Equal(RejectionKind.Unauthenticated, result.Rejection?.Kind);
        _store.VerifyNoOtherCalls();
    }
}

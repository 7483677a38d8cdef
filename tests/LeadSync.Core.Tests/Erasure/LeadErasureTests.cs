using LeadSync.Core.Crm;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Erasure;

public sealed class LeadErasureTests
{
    private const string Email = "Ada@Example.com";
    private static readonly string LeadId = LeadIdFactory.FromDelivery("generic", "msg_1");
    private readonly Mock<ILeadEraser> _eraser = new();
    private readonly Mock<ILeadStore> _store = new();
    private readonly Mock<ILeadEmailIndex> _index = new();
    private readonly Mock<IPersonalDataSweeper> _sweeper = new();
    private readonly Mock<ICrmGateway> _crm = new();
    private readonly Mock<INurtureTarget> _nurture = new();
    private readonly Mock<IWorkQueue> _queue = new();
    private readonly InMemoryErasureLog _log = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private ErasureNeedles? _needles;

    public LeadErasureTests()
    {
        _crm.SetupGet(c => c.Name).Returns("hubspot");
        _nurture.SetupGet(n => n.Name).Returns("Mailchimp audience");
        _crm.Setup(c => c.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>())).ReturnsAsync(TargetErasure.Erased("crm:hubspot"));
        _nurture.Setup(n => n.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>())).ReturnsAsync(TargetErasure.Erased("nurture:mailchimp"));
        _index.Setup(i => i.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([new LeadEmailEntry(LeadId, LeadId)]);
        _store.Setup(s => s.GetAsync(LeadId, It.IsAny<CancellationToken>())).ReturnsAsync(Lead());
        _eraser.Setup(e => e.EraseAsync(LeadId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LeadEraseResult(Lead(), AlreadyErased: false, RedactedEntries: 1));
        _sweeper.Setup(s => s.EraseTracesAsync(It.IsAny<ErasureNeedles>(), It.IsAny<CancellationToken>()))
            .Callback<ErasureNeedles, CancellationToken>((n, _) => _needles = n)
            .ReturnsAsync(new Dictionary<string, int> { ["inbox"] = 1 });
    }

    private static Lead Lead() => new()
    {
        Id = LeadId,
        Source = "generic",
        DeliveryKey = "msg_1",
        ReceivedAt = DateTimeOffset.UnixEpoch,
        CrmId = "501",
        Contact = new ContactDetails { Email = "ada@example.com", Phone = "+442079460958", FirstName = "Ada" },
    };

    private LeadErasure Erasure() => new(_eraser.Object, _store.Object, _index.Object, _sweeper.Object, _log, _crm.Object, _nurture.Object, _queue.Object, _time, NullLogger<LeadErasure>.Instance);

    [Fact]
    public async Task An_erasure_by_email_erases_the_leads_traces_and_targets_and_records_it_under_the_hash()
    {
        var record = await Erasure().RequestAsync(new ErasureRequest(Email, null, "key:abc", "ticket 1"), default);

        Assert.Equal("e-" + EmailHash.Of("ada@example.com"), record.Key);
        Assert.DoesNotContain("ada", record.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([LeadId], record.LeadIds);
        Assert.Equal(new Dictionary<string, int> { ["leads"] = 1, ["timeline"] = 1, ["inbox"] = 1 }, record.Erased);
        Assert.Contains("+442079460958", _needles!.Phones);
        Assert.Contains("ada@example.com", _needles.Emails, StringComparer.OrdinalIgnoreCase);
        _crm.Verify(c => c.EraseAsync(new ErasureIdentity(LeadId, "ada@example.com", "501"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(["crm:hubspot", "nurture:Mailchimp audience"], record.Targets.Select(t => t.Target));
        Assert.False(record.IsPending);
        Assert.Empty(record.PendingIdentities);
        Assert.Equal("key:abc", Assert.Single(_log.Audit[record.Key]).Actor);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_repeat_finds_the_leads_through_the_record_calls_no_target_again_and_reports_the_same_result()
    {
        var first = await Erasure().RequestAsync(new ErasureRequest(Email, null, "key:abc", "r"), default);
        _index.Setup(i => i.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _eraser.Setup(e => e.EraseAsync(LeadId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LeadEraseResult(Lead() with { Contact = new ContactDetails() }, AlreadyErased: true, RedactedEntries: 0));
        _sweeper.Setup(s => s.EraseTracesAsync(It.IsAny<ErasureNeedles>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int>());
        _time.Advance(TimeSpan.FromDays(1));

        var second = await Erasure().RequestAsync(new ErasureRequest(Email.ToUpperInvariant(), null, "entra:dpo", "r"), default);

        Assert.Equal(first.LeadIds, second.LeadIds);
        Assert.Equal(first.Erased, second.Erased);
        Assert.Equal(first.Targets, second.Targets);
        Assert.Equal((2, "key:abc", "entra:dpo"), (second.Requests, second.FirstRequestedBy, second.LastRequestedBy));
        _crm.Verify(c => c.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_transient_target_failure_is_kept_pending_queued_and_finished_by_the_retry()
    {
        _crm.SetupSequence(c => c.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TargetErasure.Failure("crm:hubspot", transient: true, "HubSpot 503"))
            .ReturnsAsync(TargetErasure.NotFound("crm:hubspot"));
        var erasure = Erasure();

        var pending = await erasure.RequestAsync(new ErasureRequest(Email, null, "key:abc", "r"), default);

        Assert.True(pending.IsPending);
        Assert.Equal("ada@example.com", Assert.Single(pending.PendingIdentities).Email);
        _queue.Verify(q => q.EnqueueAsync(QueueNames.LeadErase, LeadErasure.RetryPrefix + pending.Key, It.IsAny<CancellationToken>()), Times.Once);

        var outcome = await erasure.EraseAsync(LeadErasure.RetryPrefix + pending.Key, 1, default);

        Assert.True(outcome.Completed);
        var done = _log.Records[pending.Key];
        Assert.False(done.IsPending);
        Assert.Empty(done.PendingIdentities);
        Assert.Equal((ErasureStatus.NotFound, 2), (done.Targets[0].Status, done.Targets[0].Attempts));
        _nurture.Verify(n => n.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_target_that_throws_does_not_lose_the_request_it_stays_pending()
    {
        _nurture.Setup(n => n.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("refused"));

        var record = await Erasure().RequestAsync(new ErasureRequest(Email, null, "key:abc", "r"), default);

        Assert.Equal(ErasureStatus.Pending, record.Targets.Single(t => t.Target.StartsWith("nurture:", StringComparison.Ordinal)).Status);
        Assert.Equal(1, record.Erased["leads"]);
        Assert.Single(_log.Audit[record.Key]);
    }

    [Fact]
    public async Task A_target_that_keeps_failing_is_marked_failed_after_the_last_attempt_and_its_identifiers_dropped()
    {
        _crm.Setup(c => c.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TargetErasure.Failure("crm:hubspot", transient: true, "HubSpot 503"));
        var erasure = Erasure();
        var pending = await erasure.RequestAsync(new ErasureRequest(Email, null, "key:abc", "r"), default);

        var retry = await erasure.EraseAsync(LeadErasure.RetryPrefix + pending.Key, 2, default);
        var last = await erasure.EraseAsync(LeadErasure.RetryPrefix + pending.Key, LeadErasure.MaxTargetAttempts, default);

        Assert.False(retry.Completed);
        Assert.Equal(LeadErasure.Backoff(2), retry.RetryAfter);
        Assert.True(last.Completed);
        var failed = _log.Records[pending.Key];
        Assert.Equal(ErasureStatus.Failed, failed.Targets[0].Status);
        Assert.Contains("Gave up", failed.Targets[0].Detail, StringComparison.Ordinal);
        Assert.Empty(failed.PendingIdentities);
    }

    [Fact]
    public async Task A_vendor_deletion_of_a_lead_not_stored_yet_is_retried_then_dropped()
    {
        var missing = LeadIdFactory.FromDelivery("linkedin", "urn:li:leadGenFormResponse:1|CREATED");

        var early = await Erasure().EraseAsync(missing, 1, default);
        var late = await Erasure().EraseAsync(missing, 5, default);

        Assert.Equal((false, LeadErasure.NotYetStoredRetry), (early.Completed, early.RetryAfter));
        Assert.True(late.Completed);
        Assert.Empty(_log.Records);
    }

    [Fact]
    public async Task A_vendor_deletion_takes_the_erasure_path_under_the_lead_id_with_the_vendor_as_actor()
    {
        var outcome = await Erasure().EraseAsync(LeadId, 1, default);

        Assert.True(outcome.Completed);
        var record = _log.Records[ErasureRecord.KeyForLead(LeadId)];
        Assert.Equal(("vendor:generic", "lead:" + LeadId), (record.FirstRequestedBy, record.Subject));
        _eraser.Verify(e => e.EraseAsync(LeadId, "vendor:generic", LeadErasure.VendorReason, It.IsAny<CancellationToken>()), Times.Once);
        _crm.Verify(c => c.EraseAsync(It.IsAny<ErasureIdentity>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void Needles_match_the_email_as_sent_percent_encoded_and_json_escaped_but_not_other_addresses()
    {
        var needles = new ErasureNeedles([LeadId], ["ada@example.com"], ["+44 20 7946 0958", "12"]);

        Assert.True(needles.Matches("""{"email":"ADA@example.com"}"""));
        Assert.True(needles.Matches("email=ada%40example.com&x=1"));
        Assert.True(needles.Matches("""{"email":"ada\u0040example.com"}"""));
        Assert.True(needles.Matches("phone=%2B44%2020%207946%200958"));
        Assert.True(needles.Matches("replayed into " + LeadId));
        Assert.False(needles.Matches("""{"email":"bob@example.com","n":12}"""));
    }
}

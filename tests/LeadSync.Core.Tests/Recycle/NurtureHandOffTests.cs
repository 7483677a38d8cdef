using LeadSync.Core.Intake;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Recycle;
using LeadSync.Core.Storage;
using LeadSync.Core.Tests.Intake;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Recycle;

/// <summary>A lead judged not sales-ready goes to the nurture tool once, with the reason, consent honoured.</summary>
public sealed class NurtureHandOffTests
{
    private readonly InMemoryLeadStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<INurtureTarget> _nurture = new();
    private readonly RecycleOptions _recycle = new();
    private readonly Mock<IDueIndex> _dueIndex = new();
    private readonly IntakeOptions _intake = new();

    public NurtureHandOffTests() => _nurture.SetupGet(n => n.Name).Returns("Test list");

    private static IOptionsMonitor<RecycleOptions> Options(RecycleOptions value) =>
        Mock.Of<IOptionsMonitor<RecycleOptions>>(m => m.CurrentValue == value);

    private NurtureHandOff HandOff() =>
        new(_store, new LeadMutator(_store, _time), _nurture.Object, Options(_recycle), _dueIndex.Object,
            Mock.Of<IOptionsMonitor<IntakeOptions>>(m => m.CurrentValue == _intake), _time, NullLogger<NurtureHandOff>.Instance);

    /// <summary>The recycle hint filing left for the lead (due the safety-net delay after it became a nurture lead).</summary>
    private DueItem FiledHint(Lead lead) => new(lead.Id, DueKind.Recycle, lead.StatusChangedAt + _intake.SyncSafetyNetDelay);

    private async Task<Lead> StoredAsync(LeadStatus status, ConsentFlags? consent = null)
    {
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", "n" + status),
            Source = "generic",
            DeliveryKey = "n" + status,
            ReceivedAt = _time.GetUtcNow(),
            StatusChangedAt = _time.GetUtcNow(),
            Status = status,
            Contact = new ContactDetails { Email = "ada@acme.example" },
            Consent = consent,
        };
        return (await _store.CreateAsync(new LeadChange(lead, []), default)).Lead;
    }

    private async Task<List<string>> EventsAsync(string id) =>
        [.. (await _store.GetTimelineAsync(id, default)).Select(e => e.Event)];

    [Fact]
    public async Task A_nurture_lead_is_pushed_once_with_the_not_sales_ready_reason()
    {
        var lead = await StoredAsync(LeadStatus.Nurture);
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), RecycleReasons.NotSalesReady, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(true, "Test list 7"));

        var first = await HandOff().HandAsync(lead.Id, default);
        var second = await HandOff().HandAsync(lead.Id, default);

        Assert.True(first.Completed);
        Assert.True(second.Completed);
        _nurture.Verify(n => n.PushAsync(It.IsAny<Lead>(), RecycleReasons.NotSalesReady, It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(_time.GetUtcNow(), (await _store.GetAsync(lead.Id, default))!.NurturePushedAt);
        Assert.Equal([LeadEvents.NurturePushed], await EventsAsync(lead.Id));
    }

    [Fact]
    public async Task The_hand_over_removes_the_recycle_hint_filed_with_the_lead()
    {
        _time.Advance(TimeSpan.FromSeconds(7));
        var lead = await StoredAsync(LeadStatus.Nurture);
        _time.Advance(TimeSpan.FromSeconds(3));
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), RecycleReasons.NotSalesReady, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(true, "Test list 7"));

        await HandOff().HandAsync(lead.Id, default);
        await HandOff().HandAsync(lead.Id, default);

        _dueIndex.Verify(d => d.RemoveAsync(FiledHint(lead), It.IsAny<CancellationToken>()), Times.Once);
        _dueIndex.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_lead_enriched_into_nurture_after_its_receipt_loses_the_hint_filed_when_it_was_enriched()
    {
        var lead = await StoredAsync(LeadStatus.Nurture);
        var enriched = lead with { StatusChangedAt = lead.ReceivedAt.AddSeconds(50) };
        await _store.UpdateAsync(new LeadChange(enriched, []), default);
        _time.Advance(TimeSpan.FromSeconds(55));
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), RecycleReasons.NotSalesReady, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(true, "Test list 7"));

        await HandOff().HandAsync(lead.Id, default);

        _dueIndex.Verify(d => d.RemoveAsync(new DueItem(lead.Id, DueKind.Recycle, lead.ReceivedAt.AddSeconds(50) + _intake.SyncSafetyNetDelay), It.IsAny<CancellationToken>()), Times.Once);
        _dueIndex.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_hand_over_after_the_hint_fell_due_leaves_it_to_the_recycle_job()
    {
        // The job may have read it and filed it again under another time: there is no row to look for here.
        var lead = await StoredAsync(LeadStatus.Nurture);
        _time.Advance(_intake.SyncSafetyNetDelay);
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), RecycleReasons.NotSalesReady, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(true, "Test list 7"));

        await HandOff().HandAsync(lead.Id, default);

        Assert.NotNull((await _store.GetAsync(lead.Id, default))!.NurturePushedAt);
        _dueIndex.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_failed_hand_over_keeps_the_recycle_hint()
    {
        var lead = await StoredAsync(LeadStatus.Nurture);
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(false, "Test list", "transient: 503"));

        await HandOff().HandAsync(lead.Id, default);

        _dueIndex.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_changes_nothing()
    {
        var lead = await StoredAsync(LeadStatus.Nurture);
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(false, "Test list", "transient: 503"));

        var outcome = await HandOff().HandAsync(lead.Id, default);

        Assert.False(outcome.Completed);
        Assert.NotNull(outcome.RetryAfter);
        Assert.Null((await _store.GetAsync(lead.Id, default))!.NurturePushedAt);
        Assert.Empty(await EventsAsync(lead.Id));
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_once_and_not_retried()
    {
        var lead = await StoredAsync(LeadStatus.Nurture);
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(false, "Test list", "permanent: the lead has no e-mail address"));

        var outcome = await HandOff().HandAsync(lead.Id, default);

        Assert.True(outcome.Completed);
        Assert.Equal([LeadEvents.NurtureSkipped], await EventsAsync(lead.Id));
        Assert.NotNull((await _store.GetAsync(lead.Id, default))!.NurturePushedAt);
    }

    [Fact]
    public async Task A_lead_that_declined_marketing_is_never_pushed()
    {
        var lead = await StoredAsync(LeadStatus.Nurture, new ConsentFlags { Marketing = false });

        var outcome = await HandOff().HandAsync(lead.Id, default);

        Assert.True(outcome.Completed);
        _nurture.Verify(n => n.PushAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal([LeadEvents.NurtureSkipped], await EventsAsync(lead.Id));
    }

    [Theory]
    [InlineData(LeadStatus.SalesReady)]
    [InlineData(LeadStatus.Synced)]
    [InlineData(LeadStatus.Recycled)]
    public async Task Leads_in_other_states_are_left_alone(LeadStatus status)
    {
        var lead = await StoredAsync(status);

        var outcome = await HandOff().HandAsync(lead.Id, default);

        Assert.Equal(WorkOutcome.Done("nothing to hand over"), outcome);
        _nurture.Verify(n => n.PushAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_lead_not_sales_ready_goes_to_the_target_set_for_not_sales_ready()
    {
        _recycle.Targets["not-sales-ready"] = "list-42";
        var lead = await StoredAsync(LeadStatus.Nurture);
        _nurture.Setup(n => n.PushAsync(It.IsAny<Lead>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NurtureResult(true, "Test list list-42"));

        await HandOff().HandAsync(lead.Id, default);

        _nurture.Verify(n => n.PushAsync(It.IsAny<Lead>(), RecycleReasons.NotSalesReady, "list-42", It.IsAny<CancellationToken>()), Times.Once);
    }
}

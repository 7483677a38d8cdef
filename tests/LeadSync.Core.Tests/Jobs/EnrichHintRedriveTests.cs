using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using LeadSync.Core.Tests.Intake;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadSync.Core.Tests.Jobs;

/// <summary>
/// The enrichment writes the lead before it files the hand-off's hint and message: a crash in between must not leave a
/// sales-ready lead nobody syncs, or a nurture lead nobody hands over. The enrichment hint, read by the re-drive job,
/// hands it on.
/// </summary>
public sealed class EnrichHintRedriveTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Received.AddMinutes(5));
    private readonly InMemoryLeadStore _store = new();
    private readonly Mock<IWorkQueue> _queue = new();

    private RedriveJob Job(string leadId) =>
        RedriveJobs.Create(RedriveJobs.WithDue(new DueItem(leadId, DueKind.Enrich, Received.AddMinutes(5))), _store, _queue.Object, _time);

    private async Task<Lead> StoreAsync(Func<Lead, Lead> shape)
    {
        var lead = shape(new LeadBuilder().ReceivedAt(Received).With(l => l with { StatusChangedAt = Received, EnrichmentKey = "lg-1" }).Build());
        await _store.CreateAsync(new LeadChange(lead, []), CancellationToken.None);
        return lead;
    }

    [Fact]
    public async Task An_enriched_sales_ready_lead_is_handed_to_the_sync_again()
    {
        var lead = await StoreAsync(l => l with { Status = LeadStatus.SalesReady });

        var report = await Job(lead.Id).RunAsync(CancellationToken.None);

        _queue.Verify(q => q.EnqueueAsync(QueueNames.LeadSync, lead.Id, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(1, report.Acted);
    }

    [Fact]
    public async Task An_enriched_lead_for_nurture_not_handed_over_yet_is_handed_over_again()
    {
        var lead = await StoreAsync(l => l with { Status = LeadStatus.Nurture });

        await Job(lead.Id).RunAsync(CancellationToken.None);

        _queue.Verify(q => q.EnqueueAsync(QueueNames.LeadNurture, lead.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(LeadStatus.Synced, false)]
    [InlineData(LeadStatus.Nurture, true)]
    [InlineData(LeadStatus.Disqualified, false)]
    public async Task A_lead_already_handed_on_or_out_of_the_way_gets_nothing(LeadStatus status, bool pushed)
    {
        var lead = await StoreAsync(l => l with { Status = status, NurturePushedAt = pushed ? Received : null });

        var report = await Job(lead.Id).RunAsync(CancellationToken.None);

        _queue.Verify(q => q.EnqueueAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(0, report.Acted);
    }
}

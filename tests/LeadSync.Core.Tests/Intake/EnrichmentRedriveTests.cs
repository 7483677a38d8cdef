using LeadSync.Testing;
using LeadSync.Core.Intake;
using LeadSync.Core.Jobs;
using LeadSync.Core.Tests.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LeadSync.Core.Tests.Intake;

public sealed class EnrichmentRedriveTests
{
    private readonly IntakeHarness _harness = new();

    private RedriveJob Job(IReadOnlyList<DueItem> enrichHints)
    {
        var due = new Mock<IDueIndex>();
        due.Setup(d => d.GetDueAsync(It.IsAny<DueKind>(), It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DueKind kind, DateTimeOffset _, int _, CancellationToken _) => kind == DueKind.Enrich ? enrichHints : []);
        return RedriveJobs.Create(due.Object, _harness.Store, _harness.Queue, _harness.Time);
    }

    [Fact]
    public async Task Lost_enrichment_message_is_enqueued_again_for_a_received_lead()
    {
        var accepted = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("meta", VendorFixture.Bytes("meta-leadgen-webhook.json")), CancellationToken.None);
        var leadId = accepted.Leads[0].LeadId;
        _harness.Enqueued.Clear();
        _harness.Time.Advance(TimeSpan.FromMinutes(10));

        var report = await Job([new DueItem(leadId, DueKind.Enrich, _harness.Time.GetUtcNow())]).RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Acted);
        Assert.Equal([(QueueNames.LeadEnrich, leadId)], _harness.Enqueued);
    }

    [Fact]
    public async Task Enrichment_is_not_redriven_past_the_window()
    {
        var accepted = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("meta", VendorFixture.Bytes("meta-leadgen-webhook.json")), CancellationToken.None);
        _harness.Enqueued.Clear();
        _harness.Time.Advance(TimeSpan.FromDays(2));

        var report = await Job([new DueItem(accepted.Leads[0].LeadId, DueKind.Enrich, _harness.Time.GetUtcNow())]).RunAsync(CancellationToken.None);

        Assert.Equal(0, report.Acted);
        Assert.Empty(_harness.Enqueued);
    }
}

using LeadSync.Testing;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;
using Moq;

namespace LeadSync.Core.Tests.Intake;

public sealed class LeadEnrichmentTests
{
    private readonly IntakeHarness _harness = new(minimumScore: 50);

    private async Task<string> StoreMetaLeadAsync()
    {
        var result = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("meta", VendorFixture.Bytes("meta-leadgen-webhook.json")), CancellationToken.None);
        _harness.Enqueued.Clear();
        return result.Leads[0].LeadId;
    }

    private static ILeadEnricher Enricher(EnrichmentResult result)
    {
        var enricher = new Mock<ILeadEnricher>();
        enricher.SetupGet(e => e.Source).Returns("meta");
        enricher.Setup(e => e.EnrichAsync(It.IsAny<Lead>(), It.IsAny<CancellationToken>())).ReturnsAsync(result);
        return enricher.Object;
    }

    private static LeadDraft Found(string email, int? score = null) => new()
    {
        DeliveryKey = "55459717045641545",
        Contact = new ContactDetails { Email = email, FirstName = " James ", Phone = "+1 650 555 0123" },
        Score = score,
        Touch = new MarketingTouch { CampaignName = "Autumn" },
    };

    [Fact]
    public async Task Completed_record_is_normalized_qualified_and_handed_to_sync()
    {
        var leadId = await StoreMetaLeadAsync();

        var outcome = await _harness.Enrichment(Enricher(EnrichmentResult.Completed(Found(" James.Oak@Example.org ")))).EnrichAsync(leadId, CancellationToken.None);

        Assert.True(outcome.Completed);
        var lead = await _harness.Lead(leadId);
        Assert.Equal(LeadStatus.SalesReady, lead!.Status);
        Assert.Equal("james.oak@example.org", lead.Contact.Email);
        Assert.Equal("James", lead.Contact.FirstName);
        Assert.Equal("+16505550123", lead.Contact.Phone);
        Assert.Null(lead.EnrichmentKey);
        Assert.Equal("551111744595541", lead.Touch!.FormId);
        Assert.Equal("Autumn", lead.Touch.CampaignName);
        Assert.Contains((QueueNames.LeadSync, leadId), _harness.Enqueued);
    }

    [Fact]
    public async Task The_hand_off_hint_is_filed_when_the_lead_is_completed_as_its_consumer_names_it()
    {
        var leadId = await StoreMetaLeadAsync();
        _harness.Time.Advance(TimeSpan.FromSeconds(40));

        await _harness.Enrichment(Enricher(EnrichmentResult.Completed(Found("late@example.org")))).EnrichAsync(leadId, CancellationToken.None);

        var lead = await _harness.Lead(leadId);
        Assert.Equal(_harness.Time.GetUtcNow(), lead!.StatusChangedAt);
        Assert.NotEqual(lead.ReceivedAt, lead.StatusChangedAt);
        Assert.Contains(HandOffSafetyNet.Filed(lead, new IntakeOptions().SyncSafetyNetDelay)!, _harness.Scheduled);
    }

    [Fact]
    public async Task Low_score_goes_to_nurture_without_sync_and_is_handed_to_the_nurture_tool()
    {
        var leadId = await StoreMetaLeadAsync();

        await _harness.Enrichment(Enricher(EnrichmentResult.Completed(Found("a@example.org", score: 10)))).EnrichAsync(leadId, CancellationToken.None);

        Assert.Equal(LeadStatus.Nurture, (await _harness.Lead(leadId))!.Status);
        Assert.Equal([(QueueNames.LeadNurture, leadId)], _harness.Enqueued);
    }

    [Fact]
    public async Task Vendor_outage_retries_later_and_keeps_the_lead_received()
    {
        var leadId = await StoreMetaLeadAsync();

        var outcome = await _harness.Enrichment(Enricher(EnrichmentResult.Transient("503", TimeSpan.FromSeconds(30)))).EnrichAsync(leadId, CancellationToken.None);

        Assert.False(outcome.Completed);
        Assert.Equal(TimeSpan.FromSeconds(30), outcome.RetryAfter);
        Assert.Equal(LeadStatus.Received, (await _harness.Lead(leadId))!.Status);
    }

    [Fact]
    public async Task Missing_record_or_record_without_channel_disqualifies()
    {
        var gone = await StoreMetaLeadAsync();
        await _harness.Enrichment(Enricher(EnrichmentResult.Permanent("404"))).EnrichAsync(gone, CancellationToken.None);
        Assert.Equal(LeadStatus.Disqualified, (await _harness.Lead(gone))!.Status);
    }

    [Fact]
    public async Task Record_without_email_or_phone_disqualifies()
    {
        var leadId = await StoreMetaLeadAsync();
        var empty = Found("not-an-email") with { Contact = new ContactDetails { Email = "not-an-email" } };

        await _harness.Enrichment(Enricher(EnrichmentResult.Completed(empty))).EnrichAsync(leadId, CancellationToken.None);

        Assert.Equal(LeadStatus.Disqualified, (await _harness.Lead(leadId))!.Status);
    }

    [Fact]
    public async Task Second_message_for_an_enriched_lead_does_nothing()
    {
        var leadId = await StoreMetaLeadAsync();
        var enrichment = _harness.Enrichment(Enricher(EnrichmentResult.Completed(Found("a@example.org"))));
        await enrichment.EnrichAsync(leadId, CancellationToken.None);
        _harness.Enqueued.Clear();

        var outcome = await enrichment.EnrichAsync(leadId, CancellationToken.None);

        Assert.True(outcome.Completed);
        Assert.Empty(_harness.Enqueued);
    }

    [Fact]
    public async Task Blocked_enrichment_keeps_the_lead_received_and_says_why_on_the_timeline_once()
    {
        var leadId = await StoreMetaLeadAsync();
        var enrichment = _harness.Enrichment(Enricher(EnrichmentResult.Blocked("no access token is configured")));

        var first = await enrichment.EnrichAsync(leadId, CancellationToken.None);
        await enrichment.EnrichAsync(leadId, CancellationToken.None);

        Assert.False(first.Completed);
        Assert.Equal(LeadStatus.Received, (await _harness.Lead(leadId))!.Status);
        var timeline = await _harness.Store.GetTimelineAsync(leadId, CancellationToken.None);
        var note = Assert.Single(timeline, e => e.Event == LeadEvents.EnrichmentBlocked);
        Assert.Contains("no access token is configured", note.Detail, StringComparison.Ordinal);
    }
}

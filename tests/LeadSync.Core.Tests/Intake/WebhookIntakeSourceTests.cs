using LeadSync.Testing;
using System.Text;
using LeadSync.Core.Intake.LinkedIn;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;

namespace LeadSync.Core.Tests.Intake;

public sealed class WebhookIntakeSourceTests
{
    private readonly IntakeHarness _harness = new();

    [Fact]
    public async Task Id_only_delivery_is_stored_as_received_and_queued_for_enrichment_not_sync()
    {
        var webhook = SourceCatalog.Authentic("meta", VendorFixture.Bytes("meta-leadgen-webhook.json"));

        var result = await _harness.Intake().AcceptAsync(webhook, CancellationToken.None);

        var accepted = Assert.Single(result.Leads);
        Assert.Equal(LeadIdFactory.FromDelivery("meta", "55459717045641545"), accepted.LeadId);
        var lead = await _harness.Lead(accepted.LeadId);
        Assert.Equal(LeadStatus.Received, lead!.Status);
        Assert.Equal("55459717045641545", lead.EnrichmentKey);
        Assert.Equal([(QueueNames.LeadEnrich, accepted.LeadId)], _harness.Enqueued);
        Assert.Equal(DueKind.Enrich, Assert.Single(_harness.Scheduled).Kind);
    }

    [Fact]
    public async Task Redelivery_of_an_id_only_delivery_is_a_duplicate()
    {
        var webhook = SourceCatalog.Authentic("meta", VendorFixture.Bytes("meta-leadgen-webhook.json"));

        await _harness.Intake().AcceptAsync(webhook, CancellationToken.None);
        var again = await _harness.Intake().AcceptAsync(webhook, CancellationToken.None);

        Assert.True(Assert.Single(again.Leads).Duplicate);
    }

    [Fact]
    public async Task Complete_delivery_keeps_touch_consent_and_test_flag_and_writes_a_touch_entry()
    {
        var webhook = SourceCatalog.Authentic("google-ads", Encoding.UTF8.GetBytes(
            VendorFixture.Text("google-ads-lead-form-tester123-observed.json").Replace("bakerGoogleWebHookValue", "gk", StringComparison.Ordinal)));

        var result = await _harness.Intake().AcceptAsync(webhook, CancellationToken.None);

        var lead = await _harness.Lead(result.Leads[0].LeadId);
        Assert.Equal(LeadStatus.SalesReady, lead!.Status);
        Assert.True(lead.IsTest);
        Assert.Equal("991214827", lead.Touch!.CampaignId);
        var timeline = await _harness.Store.GetTimelineAsync(lead.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Event == LeadEvents.MarketingTouch && e.Detail.Contains("campaign 991214827", StringComparison.Ordinal));
        Assert.Contains((QueueNames.LeadSync, lead.Id), _harness.Enqueued);
    }

    [Fact]
    public async Task LinkedIn_deleted_queues_erasure_of_the_lead_created_for_the_same_response()
    {
        var created = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("linkedin", VendorFixture.Bytes("linkedin-lead-action-created.json")), CancellationToken.None);

        var deleted = await _harness.Intake().AcceptAsync(SourceCatalog.Authentic("linkedin", VendorFixture.Bytes("linkedin-lead-action-deleted.json")), CancellationToken.None);

        Assert.Equal(created.Leads[0].LeadId, deleted.Leads[0].LeadId);
        Assert.Equal(LeadIdFactory.FromDelivery("linkedin", LinkedInWebhookSource.CreatedKey("urn:li:leadGenFormResponse:1a2b3c-4")), deleted.Leads[0].LeadId);
        Assert.Contains((QueueNames.LeadErase, created.Leads[0].LeadId), _harness.Enqueued);
    }

    [Fact]
    public async Task Ignored_event_is_accepted_with_no_lead()
    {
        var webhook = SourceCatalog.Authentic("mailchimp", VendorFixture.Bytes("mailchimp-unsubscribe.form"));

        var result = await _harness.Intake().AcceptAsync(webhook, CancellationToken.None);

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Leads);
        Assert.Empty(_harness.Enqueued);
    }
}

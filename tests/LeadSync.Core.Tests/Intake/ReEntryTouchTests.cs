using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using LeadSync.Core.Reports;

namespace LeadSync.Core.Tests.Intake;

/// <summary>
/// A second submission on an open lead, one that stays in nurture and one that re-engages a recycled lead each append
/// the new submission's marketing touch (campaign, form, page, UTM, time) and count it — not a generic line.
/// </summary>
public sealed class ReEntryTouchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static readonly LeadDraft Webinar = new()
    {
        DeliveryKey = "msg_second",
        Contact = new ContactDetails { Email = "ada@example.com" },
        Campaign = "Q4 webinar",
        Touch = new MarketingTouch
        {
            SourceEvent = "form_response",
            CampaignName = "Q4 webinar",
            FormName = "Webinar signup",
            PageUrl = "https://example.com/webinar",
            UtmSource = "linkedin",
            UtmMedium = "paid-social",
            OccurredAt = new DateTimeOffset(2026, 11, 25, 13, 59, 0, TimeSpan.Zero),
        },
    };

    [Fact]
    public void A_submission_on_an_open_lead_appends_its_touch_and_counts_it()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build() with { Campaign = "Q3 ebook" };

        var change = LeadReEntry.DecideReEntry(lead, "typeform", Webinar, LeadStatus.SalesReady, "score 80", Now, redelivery: false);

        var entry = Assert.Single(change!.Entries);
        Assert.Equal(LeadEvents.MarketingTouch, entry.Event);
        Assert.Contains("campaign Q4 webinar", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("form Webinar signup", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("utm linkedin/paid-social", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("typeform", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(1, change.Lead.AdditionalTouches);
        Assert.Equal("Q3 ebook", change.Lead.Campaign);
        Assert.Equal(1, FunnelRow.From(change.Lead).AdditionalTouches);
    }

    [Fact]
    public void A_redelivery_on_an_open_lead_appends_nothing()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Synced).Build();

        Assert.Null(LeadReEntry.DecideReEntry(lead, "typeform", Webinar, LeadStatus.SalesReady, "score 80", Now, redelivery: true));
    }

    [Fact]
    public void A_submission_below_the_bar_on_a_nurtured_lead_appends_its_touch_and_stays()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Nurture).Build();

        var change = LeadReEntry.DecideReEntry(lead, "typeform", Webinar, LeadStatus.Nurture, "score 10 below 50", Now, redelivery: false);

        Assert.Equal(LeadStatus.Nurture, change!.Lead.Status);
        Assert.Contains("campaign Q4 webinar", Assert.Single(change.Entries).Detail, StringComparison.Ordinal);
        Assert.Equal(1, change.Lead.AdditionalTouches);
    }

    [Fact]
    public void A_re_engagement_appends_the_touch_and_starts_the_new_cycle_under_its_campaign()
    {
        var lead = new LeadBuilder().WithStatus(LeadStatus.Recycled).Build() with { Campaign = "Q3 ebook", Touch = new MarketingTouch { CampaignName = "Q3 ebook" } };

        var change = LeadReEntry.DecideReEntry(lead, "typeform", Webinar, LeadStatus.SalesReady, "score 80", Now, redelivery: false);

        Assert.Equal(LeadStatus.SalesReady, change!.Lead.Status);
        Assert.Equal([LeadEvents.MarketingTouch, LeadEvents.ReEngaged], change.Entries.Take(2).Select(e => e.Event));
        Assert.Contains("page https://example.com/webinar", change.Entries[0].Detail, StringComparison.Ordinal);
        Assert.Equal("Q4 webinar", change.Lead.Campaign);
        Assert.Equal(Webinar.Touch, change.Lead.Touch);
        var row = FunnelRow.From(change.Lead);
        Assert.Equal(("Q4 webinar", 1), (row.Campaign, row.AdditionalTouches));
        Assert.Equal(2, FunnelReport.Summarize("Q4 webinar", [row]).MarketingTouches);
    }
}

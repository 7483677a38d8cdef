using LeadSync.Core.Intake;
using LeadSync.Core.Intake.GoogleAds;

namespace LeadSync.Core.Tests.Intake;

public sealed class GoogleAdsWebhookSourceTests
{
    private static GoogleAdsWebhookSource Source(string key) => new(SourceOptions.Of(new GoogleAdsSourceOptions { Key = key, Columns = new() { ["SERVICE"] = "need" } }));

    [Fact]
    public void Google_key_in_the_body_must_match()
    {
        var webhook = WebhookBuilder.For("google-ads").Fixture("google-ads-lead-form-testing-ui-sample.json").Build();

        Assert.Null(Source("testkey").Authenticate(webhook));
        Assert.Equal(RejectionKind.Unauthenticated, Source("another").Authenticate(webhook)!.Kind);
        Assert.Equal(RejectionKind.Malformed, Source("testkey").Authenticate(WebhookBuilder.For("google-ads").Body("{\"google_key\":").Build())!.Kind);
    }

    [Fact]
    public void Observed_test_lead_maps_columns_by_id_and_is_flagged()
    {
        var draft = Assert.Single(Source("bakerGoogleWebHookValue").Parse(WebhookBuilder.For("google-ads").Fixture("google-ads-lead-form-tester123-observed.json").Build()).Drafts);

        Assert.StartsWith("TeSter-123-", draft.DeliveryKey, StringComparison.Ordinal);
        Assert.True(draft.IsTest);
        Assert.Equal("test@example.com", draft.Contact.Email);
        Assert.Equal("FirstName", draft.Contact.FirstName);
        Assert.Equal("LastName", draft.Contact.LastName);
        Assert.Equal("+16505550123", draft.Contact.Phone);
        Assert.Equal("Roofing", draft.Bant!.Need);
        Assert.Equal("18698608977", draft.Touch!.FormId);
        Assert.Equal("991214827", draft.Touch.CampaignId);
        Assert.Equal("30000000000", draft.Touch.AdId);
    }

    [Fact]
    public void Testing_ui_sample_keeps_a_national_phone_as_digits()
    {
        var draft = Assert.Single(Source("testkey").Parse(WebhookBuilder.For("google-ads").Fixture("google-ads-lead-form-testing-ui-sample.json").Build()).Drafts);

        Assert.Equal("16505550123", draft.Contact.Phone);
        Assert.Null(draft.Touch!.AdId);
    }
}

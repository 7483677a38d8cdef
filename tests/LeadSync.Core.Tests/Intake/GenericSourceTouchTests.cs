using System.Globalization;
using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Signatures;

namespace LeadSync.Core.Tests.Intake;

public sealed class GenericSourceTouchTests
{
    private static readonly IWebhookSource Source = SourceCatalog.Named("generic");

    [Fact]
    public void Any_of_several_signatures_in_one_header_is_accepted()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"lead.created\",\"data\":{\"email\":\"a@example.com\"}}");
        var seconds = SourceCatalog.Now.ToUnixTimeSeconds();
        var rotatedOut = StandardWebhookVerifier.Sign("whsec_" + Convert.ToBase64String(new byte[24]), "msg_1", seconds, body);
        var current = StandardWebhookVerifier.Sign(SourceCatalog.GenericSecret, "msg_1", seconds, body);
        var webhook = WebhookBuilder.For("generic").Body(body)
            .Header("webhook-id", "msg_1").Header("webhook-timestamp", seconds.ToString(CultureInfo.InvariantCulture))
            .Header("webhook-signature", $"{rotatedOut} v1a,ignored {current}").Build();

        Assert.Null(Source.Authenticate(webhook));
    }

    [Fact]
    public void Lead_payload_keeps_campaign_and_event_on_the_touch()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"lead.created\",\"data\":{\"email\":\" A@Example.com \",\"country\":\"Germany\",\"phone\":\"030 901820\",\"campaign\":\"Q4\"}}");

        var draft = Assert.Single(Source.Parse(SourceCatalog.Authentic("generic", body)).Drafts);

        Assert.Equal("msg_1", draft.DeliveryKey);
        Assert.Equal("a@example.com", draft.Contact.Email);
        Assert.Equal("DE", draft.Contact.Country);
        Assert.Equal("+4930901820", draft.Contact.Phone);
        Assert.Equal("Q4", draft.Touch!.CampaignName);
        Assert.Equal("lead.created", draft.Touch.SourceEvent);
    }

    [Fact]
    public void Spec_sample_payload_without_contact_data_is_unprocessable()
    {
        var result = Source.Parse(SourceCatalog.Authentic("generic", VendorFixture.Bytes("standardwebhooks-payload.json")));

        Assert.Equal(RejectionKind.Unprocessable, result.Rejection!.Kind);
    }
}

using System.Text.RegularExpressions;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Marketo;

namespace LeadSync.Core.Tests.Intake;

public sealed class MarketoWebhookSourceTests
{
    private static readonly MarketoWebhookSource Source = new(SourceOptions.Of(new MarketoSourceOptions { Secret = "mk-secret" }));

    [Fact]
    public void Secret_header_is_required()
    {
        Assert.Null(Source.Authenticate(WebhookBuilder.For("marketo").Header("X-LeadSync-Secret", "mk-secret").Build()));
        Assert.NotNull(Source.Authenticate(WebhookBuilder.For("marketo").Header("X-LeadSync-Secret", "mk-secreT").Build()));
        Assert.NotNull(Source.Authenticate(WebhookBuilder.For("marketo").Build()));
    }

    [Fact]
    public void Template_payload_becomes_a_lead()
    {
        var draft = Assert.Single(Source.Parse(WebhookBuilder.For("marketo").Fixture("marketo-call-webhook.json").Build()).Drafts);

        Assert.Equal("1234567|4242|2026-11-23 09:15:00", draft.DeliveryKey);
        Assert.Equal("ada.lovelace@example.com", draft.Contact.Email);
        Assert.Equal("GB", draft.Contact.Country);
        Assert.Equal("+442079460018", draft.Contact.Phone);
        Assert.Equal("Head of Mathematics", draft.Contact.Title);
        Assert.Equal(87, draft.Score);
        Assert.Equal("Webinar follow-up", draft.Campaign);
        Assert.Equal("linkedin", draft.Touch!.UtmSource);
    }

    [Fact]
    public void Payload_template_with_sample_values_parses()
    {
        // Substitute every token the way Marketo does (strings quoted, numbers bare) and parse the result.
        var body = Regex.Replace(MarketoWebhookSource.PayloadTemplate, @"\{\{([^}]+)\}\}", m => m.Groups[1].Value switch
        {
            "lead.Id" or "campaign.id" or "lead.Lead Score" => "7",
            "lead.Email Address" => "\"sam@example.com\"",
            _ => "\"x\"",
        });

        var result = Source.Parse(WebhookBuilder.For("marketo").Body(body).Build());

        Assert.Null(result.Rejection);
        Assert.Equal("sam@example.com", result.Drafts[0].Contact.Email);
    }

    [Fact]
    public void Payload_without_lead_id_is_unprocessable()
    {
        Assert.Equal(RejectionKind.Unprocessable, Source.Parse(WebhookBuilder.For("marketo").Body("{\"email\":\"a@b.co\"}").Build()).Rejection!.Kind);
    }
}

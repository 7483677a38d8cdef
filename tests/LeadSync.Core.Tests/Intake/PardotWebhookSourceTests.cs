using LeadSync.Core.Intake.Pardot;

namespace LeadSync.Core.Tests.Intake;

public sealed class PardotWebhookSourceTests
{
    private static readonly PardotWebhookSource Source = new(SourceOptions.Of(new PardotSourceOptions { Key = "pd-key" }));

    [Fact]
    public void Key_in_the_query_is_required()
    {
        Assert.Null(Source.Authenticate(WebhookBuilder.For("pardot").Form().Query("key", "pd-key").Build()));
        Assert.NotNull(Source.Authenticate(WebhookBuilder.For("pardot").Form().Build()));
    }

    [Fact]
    public void Forwarded_form_handler_submission_becomes_a_lead()
    {
        var webhook = WebhookBuilder.For("pardot").Form().Query("form", "Contact us").Fixture("pardot-form-handler.form").Build();

        var draft = Assert.Single(Source.Parse(webhook).Drafts);

        Assert.Equal("grace.hopper@example.com", draft.Contact.Email);
        Assert.Equal("Grace", draft.Contact.FirstName);
        Assert.Equal("Hopper", draft.Contact.LastName);
        Assert.Equal("Navy Labs", draft.Contact.Company);
        Assert.Equal("Rear Admiral", draft.Contact.Title);
        Assert.Equal("US", draft.Contact.Country);
        Assert.Equal("+12025550147", draft.Contact.Phone);
        Assert.True(draft.Consent!.Marketing);
        Assert.Equal("50k-100k", draft.Bant!.Budget);
        Assert.Equal("Q3", draft.Bant.Timeline);
        Assert.Equal("Contact us", draft.Touch!.FormName);
        Assert.Equal(Source.Parse(webhook).Drafts[0].DeliveryKey, draft.DeliveryKey);
    }
}

using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Unbounce;

namespace LeadSync.Core.Tests.Intake;

public sealed class UnbounceWebhookSourceTests
{
    private static readonly UnbounceWebhookSource Source = new(SourceOptions.Of(new UnbounceSourceOptions { Key = "ub-key" }));

    [Fact]
    public void Key_in_the_query_is_required()
    {
        Assert.Null(Source.Authenticate(WebhookBuilder.For("unbounce").Form().Query("key", "ub-key").Build()));
        Assert.NotNull(Source.Authenticate(WebhookBuilder.For("unbounce").Form().Query("key", "ub-ke").Build()));
    }

    [Fact]
    public void Form_submission_maps_data_json_and_keeps_page_metadata()
    {
        var draft = Assert.Single(Source.Parse(WebhookBuilder.For("unbounce").Form().Fixture("unbounce-form-submit.form").Build()).Drafts);

        Assert.Equal("test@test.com", draft.Contact.Email);
        Assert.Equal("Tess", draft.Contact.FirstName);
        Assert.Equal("Tester", draft.Contact.LastName);
        Assert.Equal("Test Co", draft.Contact.Company);
        Assert.Equal("CA", draft.Contact.Country);
        Assert.Equal("+16045550188", draft.Contact.Phone);
        Assert.Equal("a2838d98-4cf4-11df-a3fd-00163e372d58", draft.Touch!.PageId);
        Assert.Equal("http://my-landing-page.ca/", draft.Touch.PageUrl);
        Assert.Equal("My Landing Page", draft.Touch.FormName);
        Assert.Equal("a", draft.Touch.Variant);
        Assert.Equal("google", draft.Touch.UtmSource);
        Assert.Equal("spring-launch", draft.Campaign);
        Assert.Equal(new DateTimeOffset(2023, 6, 6, 22, 57, 0, TimeSpan.Zero), draft.Touch.OccurredAt);
        Assert.StartsWith("sha256:", draft.DeliveryKey, StringComparison.Ordinal);
        Assert.DoesNotContain("test@test.com", draft.DeliveryKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_json_is_malformed()
    {
        Assert.Equal(RejectionKind.Malformed, Source.Parse(WebhookBuilder.For("unbounce").Form().Body("page_id=1&variant=a").Build()).Rejection!.Kind);
        Assert.Equal(RejectionKind.Malformed, Source.Parse(WebhookBuilder.For("unbounce").Form().Body("data.json=%7B%22email%22").Build()).Rejection!.Kind);
    }
}

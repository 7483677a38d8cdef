using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Mailchimp;

namespace LeadSync.Core.Tests.Intake;

public sealed class MailchimpWebhookSourceTests
{
    private const string Key = "mc-url-secret";
    private static readonly MailchimpWebhookSource Source = new(SourceOptions.Of(new MailchimpSourceOptions { Key = Key }));

    [Fact]
    public void Key_is_accepted_from_the_query_or_the_path()
    {
        Assert.Null(Source.Authenticate(WebhookBuilder.For("mailchimp").Form().Query("key", Key).Build()));
        Assert.Null(Source.Authenticate(WebhookBuilder.For("mailchimp").Form().Uri($"https://leadsync.example.com/api/webhooks/mailchimp/{Key}").Build()));
        Assert.NotNull(Source.Authenticate(WebhookBuilder.For("mailchimp").Form().Query("key", "wrong").Build()));
        Assert.NotNull(Source.Authenticate(WebhookBuilder.For("mailchimp").Form().Build()));
    }

    [Fact]
    public void Validation_get_answers_200_only_with_the_key()
    {
        Assert.Equal(200, Source.AnswerChallenge(WebhookBuilder.For("mailchimp").Get().Query("key", Key).Build())!.StatusCode);
        Assert.Equal(403, Source.AnswerChallenge(WebhookBuilder.For("mailchimp").Get().Build())!.StatusCode);
    }

    [Fact]
    public void Subscribe_becomes_a_lead_with_marketing_consent()
    {
        var draft = Assert.Single(Source.Parse(WebhookBuilder.For("mailchimp").Form().Fixture("mailchimp-subscribe.form").Build()).Drafts);

        Assert.Equal("api@mailchimp.com", draft.Contact.Email);
        Assert.Equal("Mailchimp", draft.Contact.FirstName);
        Assert.Equal("API", draft.Contact.LastName);
        Assert.True(draft.Consent!.Marketing);
        Assert.Equal("subscribe|2009-03-26 21:35:57|a6b5da1054|8a25ff1d98", draft.DeliveryKey);
        Assert.Equal("a6b5da1054", draft.Touch!.FormId);
        Assert.Equal(new DateTimeOffset(2009, 3, 26, 21, 35, 57, TimeSpan.Zero), draft.Touch.OccurredAt);
    }

    [Fact]
    public void Unsubscribe_is_acknowledged_and_ignored()
    {
        var result = Source.Parse(WebhookBuilder.For("mailchimp").Form().Fixture("mailchimp-unsubscribe.form").Build());

        Assert.Null(result.Rejection);
        Assert.Empty(result.Drafts);
    }

    [Fact]
    public void Repeated_type_field_is_malformed()
    {
        var result = Source.Parse(WebhookBuilder.For("mailchimp").Form().Body("type=unsubscribe&type=subscribe&data%5Bemail%5D=a%40b.co").Build());

        Assert.Equal(RejectionKind.Malformed, result.Rejection!.Kind);
    }

    [Theory]
    [InlineData("data%5Bid%5D")]
    [InlineData("data%5Blist_id%5D")]
    [InlineData("fired_at")]
    public void A_repeated_field_of_the_event_identity_is_malformed(string field)
    {
        var body = $"type=subscribe&fired_at=2026-11-23+10%3A00%3A00&data%5Bid%5D=s1&data%5Blist_id%5D=list1&data%5Bemail%5D=a%40b.co&{field}=smuggled";

        var result = Source.Parse(WebhookBuilder.For("mailchimp").Form().Body(body).Build());

        Assert.Equal(RejectionKind.Malformed, result.Rejection!.Kind);
    }
}

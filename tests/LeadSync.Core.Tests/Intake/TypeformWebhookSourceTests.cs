using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Typeform;

namespace LeadSync.Core.Tests.Intake;

public sealed class TypeformWebhookSourceTests
{
    private const string Secret = "tf-secret-123";
    private const string Fixture = "typeform-form_response.json";

    private static TypeformWebhookSource Source(bool mapped = true) => new(SourceOptions.Of(new TypeformSourceOptions
    {
        Secret = Secret,
        Forms = mapped
            ? new() { ["lT4Z3j"] = new TypeformFormOptions { Campaign = "City survey", Fields = new() { ["readable_ref_short_text"] = "firstName", ["[readable_ref_long_text"] = "need" } } }
            : [],
    }));

    private static WebhookBuilder Signed(string secret = Secret)
    {
        var builder = WebhookBuilder.For("typeform").Fixture(Fixture);
        return builder.Header(TypeformWebhookSource.SignatureHeader, TypeformWebhookSource.Sign(secret, builder.BodyBytes));
    }

    [Fact]
    public void Signature_over_the_raw_body_is_accepted()
    {
        Assert.Null(Source().Authenticate(Signed().Build()));
    }

    [Fact]
    public void Wrong_secret_tampered_body_or_missing_header_is_rejected()
    {
        var tampered = Signed();
        var bytes = tampered.BodyBytes.ToArray();
        bytes[^3] ^= 1;

        Assert.NotNull(Source().Authenticate(Signed("other").Build()));
        Assert.NotNull(Source().Authenticate(tampered.Body(bytes).Build()));
        Assert.NotNull(Source().Authenticate(WebhookBuilder.For("typeform").Fixture(Fixture).Build()));
        Assert.NotNull(Source().Authenticate(WebhookBuilder.For("typeform").Fixture(Fixture).Header(TypeformWebhookSource.SignatureHeader, "sha256=").Build()));
    }

    [Fact]
    public void Fixture_maps_answers_by_ref_and_by_type()
    {
        var draft = Assert.Single(Source().Parse(Signed().Build()).Drafts);

        Assert.Equal("LtWXD3crgy", draft.DeliveryKey);
        Assert.Equal("laura@example.com", draft.Contact.Email);
        Assert.Equal("Laura", draft.Contact.FirstName);
        Assert.Equal(9, draft.Score);
        Assert.True(draft.Consent!.Terms);
        Assert.StartsWith("It's cold right now!", draft.Bant!.Need, StringComparison.Ordinal);
        Assert.Equal("lT4Z3j", draft.Touch!.FormId);
        Assert.Equal("Webhooks example", draft.Touch.FormName);
        Assert.Equal("City survey", draft.Campaign);
        Assert.Equal(new DateTimeOffset(2018, 1, 18, 18, 17, 2, TimeSpan.Zero), draft.Touch.OccurredAt);
    }

    [Fact]
    public void Unmapped_form_still_finds_the_email_by_answer_type()
    {
        var draft = Assert.Single(Source(mapped: false).Parse(Signed().Build()).Drafts);

        Assert.Equal("laura@example.com", draft.Contact.Email);
        Assert.Null(draft.Contact.FirstName);
    }

    [Fact]
    public void Partial_responses_are_acknowledged_without_a_lead()
    {
        var body = VendorFixture.Text(Fixture).Replace("\"form_response\",", "\"form_response_partial\",", StringComparison.Ordinal);

        var result = Source().Parse(WebhookBuilder.For("typeform").Body(body).Build());

        Assert.Null(result.Rejection);
        Assert.Empty(result.Drafts);
    }

    [Fact]
    public void Response_without_email_or_phone_is_unprocessable()
    {
        var body = VendorFixture.Text(Fixture).Replace("laura@example.com", " ", StringComparison.Ordinal);

        Assert.Equal(RejectionKind.Unprocessable, Source().Parse(WebhookBuilder.For("typeform").Body(body).Build()).Rejection!.Kind);
    }
}

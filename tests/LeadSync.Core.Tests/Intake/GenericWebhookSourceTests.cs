using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Generic;
using LeadSync.Core.Intake.Signatures;
using LeadSync.Core.Leads;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Intake;

public sealed class GenericWebhookSourceTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly GenericWebhookSource _source = new(
        SourceOptions.Of(new GenericSourceOptions { Secret = Secret }),
        new StandardWebhookVerifier(new FakeTimeProvider(DateTimeOffset.UtcNow)));

    private static InboundWebhook Delivery(string body, string id = "msg_1") => new()
    {
        Source = "generic",
        Method = "POST",
        RequestUri = new Uri("http://localhost/api/webhooks/generic"),
        ContentType = "application/json",
        Body = Encoding.UTF8.GetBytes(body),
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["webhook-id"] = id },
    };

    [Fact]
    public void A_lead_payload_becomes_a_normalized_draft_keyed_by_the_webhook_id()
    {
        var result = _source.Parse(Delivery("""
            {"type":"lead.created","data":{"email":"  Ada@Example.COM ","firstName":" Ada ","lastName":"Lovelace",
             "company":"Analytical Engines","phone":"+44 20 7946 0958","country":"gb","score":72,"campaign":"q4-webinar",
             "budget":" 50k ","need":"CRM sync"}}
            """, "msg_abc"));

        Assert.Null(result.Rejection);
        var draft = Assert.Single(result.Drafts);
        Assert.Equal("msg_abc", draft.DeliveryKey);
        Assert.Equal("ada@example.com", draft.Contact.Email);
        Assert.Equal("Ada", draft.Contact.FirstName);
        Assert.Equal("+442079460958", draft.Contact.Phone);
        Assert.Equal("GB", draft.Contact.Country);
        Assert.Equal(72, draft.Score);
        Assert.Equal("q4-webinar", draft.Campaign);
        Assert.Equal("lead.created", draft.EventType);
        Assert.Equal(new BantAnswers { Budget = "50k", Need = "CRM sync" }, draft.Bant);
    }

    [Fact]
    public void Common_vendor_field_names_map_through_the_alias_table()
    {
        var result = _source.Parse(Delivery("""
            {"type":"lead.created","data":{"email_address":"ada@example.com","first_name":"Ada","last_name":"Lovelace",
             "jobtitle":"Countess","company_name":"Analytical Engines","phone_number":"+44 20 7946 0958","utm_source":"newsletter",
             "marketing_consent":true,"lead_score":"61"}}
            """));

        Assert.Null(result.Rejection);
        var draft = Assert.Single(result.Drafts);
        Assert.Equal(("ada@example.com", "Ada", "Lovelace", "Countess", "Analytical Engines"),
            (draft.Contact.Email, draft.Contact.FirstName, draft.Contact.LastName, draft.Contact.Title, draft.Contact.Company));
        Assert.Equal("+442079460958", draft.Contact.Phone);
        Assert.Equal("newsletter", draft.Touch!.UtmSource);
        Assert.True(draft.Consent!.Marketing);
        Assert.Equal(61, draft.Score);
    }

    [Fact]
    public void A_non_string_alias_field_is_named_in_the_rejection()
    {
        var rejection = _source.Parse(Delivery("""{"data":{"email":"a@b.co","first_name":{"x":1}}}""")).Rejection;

        Assert.Equal(RejectionKind.Unprocessable, rejection?.Kind);
        Assert.Contains("data.first_name", rejection!.Errors!.Keys);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"data\":")]
    public void Malformed_json_is_rejected_as_malformed(string body) =>
        Assert.Equal(RejectionKind.Malformed, _source.Parse(Delivery(body)).Rejection?.Kind);

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"type\":\"x\"}")]
    [InlineData("{\"data\":\"text\"}")]
    public void A_payload_without_a_data_object_is_unprocessable(string body) =>
        Assert.Equal(RejectionKind.Unprocessable, _source.Parse(Delivery(body)).Rejection?.Kind);

    [Fact]
    public void A_lead_with_neither_email_nor_phone_is_unprocessable_with_a_field_error()
    {
        var rejection = _source.Parse(Delivery("""{"data":{"firstName":"Ada"}}""")).Rejection;

        Assert.Equal(RejectionKind.Unprocessable, rejection?.Kind);
        Assert.Contains("data.email", rejection!.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"data":{"email":"not-an-address"}}""", "data.email")]
    [InlineData("""{"data":{"email":42}}""", "data.email")]
    [InlineData("""{"data":{"email":"a@b.co","score":"high"}}""", "data.score")]
    public void Bad_fields_are_named_in_the_rejection(string body, string field)
    {
        var rejection = _source.Parse(Delivery(body)).Rejection;

        Assert.Equal(RejectionKind.Unprocessable, rejection?.Kind);
        Assert.Contains(field, rejection!.Errors!.Keys);
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_not_thrown()
    {
        var body = "{\"data\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Equal(RejectionKind.Malformed, _source.Parse(Delivery(body)).Rejection?.Kind);
    }

    [Fact]
    public void The_source_is_disabled_until_a_secret_is_configured()
    {
        var unconfigured = new GenericWebhookSource(SourceOptions.Of(new GenericSourceOptions()), new StandardWebhookVerifier(TimeProvider.System));

        Assert.False(unconfigured.IsEnabled);
        Assert.True(_source.IsEnabled);
    }
}

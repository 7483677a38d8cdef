using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadSync.Core.Intake.LinkedIn;

namespace LeadSync.Core.Tests.Intake;

public sealed class LinkedInWebhookSourceTests
{
    private const string ClientSecret = "li-client-secret";
    private static readonly LinkedInWebhookSource Source = new(SourceOptions.Of(new LinkedInSourceOptions { ClientSecret = ClientSecret }));

    [Fact]
    public void Challenge_is_answered_with_the_hex_hmac_of_the_code()
    {
        const string code = "890e4665-4dfe-4ab1-b689-ed553bceeed1";

        var answer = Source.AnswerChallenge(WebhookBuilder.For("linkedin").Get().Query("challengeCode", code).Build())!;

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("application/json", answer.ContentType);
        using var body = JsonDocument.Parse(answer.Body);
        Assert.Equal(code, body.RootElement.GetProperty("challengeCode").GetString());
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret), Encoding.UTF8.GetBytes(code)));
        Assert.Equal(expected, body.RootElement.GetProperty("challengeResponse").GetString());
    }

    [Theory]
    [InlineData("hmacsha256={\"type\":\"LEAD_ACTION\",\"leadAction\":\"CREATED\",\"leadGenFormResponse\":\"urn:li:leadFormResponse:x\"}")]
    [InlineData("hmacsha256={}")]
    [InlineData("not-a-uuid")]
    [InlineData("890e46654dfe4ab1b689ed553bceeed1")]
    [InlineData("{890e4665-4dfe-4ab1-b689-ed553bceeed1}")]
    [InlineData("890e4665-4dfe-4ab1-b689-ed553bceeed1 ")]
    [InlineData("890e4665-4dfe-4ab1-b689-ed553bceeedz")]
    [InlineData("")]
    public void Challenge_codes_that_are_not_a_uuid_are_refused_so_the_get_cannot_sign_deliveries(string code)
    {
        var answer = Source.AnswerChallenge(WebhookBuilder.For("linkedin").Get().Query("challengeCode", code).Build())!;

        Assert.Equal(400, answer.StatusCode);
        Assert.True(answer.IsRefusal);
        Assert.DoesNotContain(LinkedInWebhookSource.Sign(ClientSecret, Encoding.UTF8.GetBytes(code.Replace("hmacsha256=", string.Empty, StringComparison.Ordinal))), answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("challengeResponse", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_challenge_in_upper_case_hex_is_still_a_uuid()
    {
        Assert.Equal(200, Source.AnswerChallenge(WebhookBuilder.For("linkedin").Get().Query("challengeCode", "890E4665-4DFE-4AB1-B689-ED553BCEEED1").Build())!.StatusCode);
    }

    [Fact]
    public void Signature_is_hmac_of_prefix_and_body()
    {
        var builder = WebhookBuilder.For("linkedin").Fixture("linkedin-lead-action-created.json");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret), Encoding.UTF8.GetBytes("hmacsha256=").Concat(builder.BodyBytes).ToArray()));

        Assert.Null(Source.Authenticate(builder.Header(LinkedInWebhookSource.SignatureHeader, expected).Build()));
        Assert.NotNull(Source.Authenticate(builder.Header(LinkedInWebhookSource.SignatureHeader, LinkedInWebhookSource.Sign("wrong", builder.BodyBytes)).Build()));
    }

    [Fact]
    public void Created_action_stores_a_lead_to_complete_from_the_response_urn()
    {
        var draft = Assert.Single(Source.Parse(WebhookBuilder.For("linkedin").Fixture("linkedin-lead-action-created.json").Build()).Drafts);

        Assert.Equal("urn:li:leadGenFormResponse:1a2b3c-4|CREATED", draft.DeliveryKey);
        Assert.Equal("urn:li:leadGenFormResponse:1a2b3c-4", draft.EnrichmentKey);
        Assert.False(draft.IsErasure);
        Assert.Equal("urn:li:sponsoredCreative:456", draft.Touch!.CampaignId);
    }

    [Fact]
    public void Deleted_action_asks_to_erase_the_lead_the_created_action_made()
    {
        var draft = Assert.Single(Source.Parse(WebhookBuilder.For("linkedin").Fixture("linkedin-lead-action-deleted.json").Build()).Drafts);

        Assert.True(draft.IsErasure);
        Assert.Equal(LinkedInWebhookSource.CreatedKey("urn:li:leadGenFormResponse:1a2b3c-4"), draft.EraseDeliveryKey);
        Assert.False(draft.NeedsEnrichment);
    }
}

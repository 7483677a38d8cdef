using System.Text.Json;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Meta;

namespace LeadSync.Core.Tests.Intake;

public sealed class MetaWebhookSourceTests
{
    private const string AppSecret = "meta-app-secret";
    private static readonly MetaWebhookSource Source = new(SourceOptions.Of(new MetaSourceOptions { AppSecret = AppSecret, VerifyToken = "meatyhamhock" }));

    private static WebhookBuilder Verification()
    {
        var uri = new Uri(VendorFixture.Text("meta-leadgen-verification-request.txt").Split('\n')[0]["GET ".Length..].Trim());
        var builder = WebhookBuilder.For("meta").Get();
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var parts = pair.Split('=', 2);
            builder.Query(parts[0], Uri.UnescapeDataString(parts[1]));
        }

        return builder;
    }

    [Fact]
    public void Verification_get_echoes_the_challenge_as_text()
    {
        var answer = Source.AnswerChallenge(Verification().Build());

        Assert.Equal(new ChallengeAnswer(200, "text/plain", "1158201444"), answer);
    }

    [Fact]
    public void Verification_with_a_wrong_token_is_forbidden()
    {
        Assert.Equal(403, Source.AnswerChallenge(Verification().Query("hub.verify_token", "wrong").Build())!.StatusCode);
    }

    [Fact]
    public void Signed_notification_is_accepted_and_tampering_is_rejected()
    {
        var builder = WebhookBuilder.For("meta").Fixture("meta-leadgen-webhook.json");
        builder.Header(MetaWebhookSource.SignatureHeader, MetaWebhookSource.Sign(AppSecret, builder.BodyBytes));
        Assert.Null(Source.Authenticate(builder.Build()));

        builder.Header(MetaWebhookSource.SignatureHeader, MetaWebhookSource.Sign("wrong", builder.BodyBytes));
        Assert.NotNull(Source.Authenticate(builder.Build()));

        builder.Header(MetaWebhookSource.SignatureHeader, "sha256=zz");
        Assert.NotNull(Source.Authenticate(builder.Build()));
    }

    [Fact]
    public void Leadgen_notification_becomes_an_enrichment_draft_keyed_by_leadgen_id()
    {
        var draft = Assert.Single(Source.Parse(WebhookBuilder.For("meta").Fixture("meta-leadgen-webhook.json").Build()).Drafts);

        Assert.Equal("55459717045641545", draft.DeliveryKey);
        Assert.Equal("55459717045641545", draft.EnrichmentKey);
        Assert.Equal("551111744595541", draft.Touch!.FormId);
        Assert.Equal("516540199134611", draft.Touch.PageId);
        Assert.Null(draft.Touch.AdId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1447342026), draft.Touch.OccurredAt);
    }

    [Fact]
    public void Graph_lead_field_data_maps_to_a_lead()
    {
        using var document = JsonDocument.Parse(VendorFixture.Bytes("meta-lead-retrieval-response.json"));
        var fields = document.RootElement.GetProperty("field_data").EnumerateArray()
            .Select(f => new KeyValuePair<string, IReadOnlyList<string>>(
                f.GetProperty("name").GetString()!, f.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToList()));
        var errors = new Dictionary<string, string[]>();

        var draft = MetaLeadMapper.ToDraft("555971704561545", fields, new Dictionary<string, string>(), null, errors);

        Assert.Empty(errors);
        Assert.Equal("james.oak@example.org", draft.Contact.Email);
        Assert.Equal("James", draft.Contact.FirstName);
        Assert.Equal("Oak", draft.Contact.LastName);
    }
}

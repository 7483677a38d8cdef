using System.Globalization;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.HubSpot;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Core.Tests.Intake;

public sealed class HubSpotWebhookSourceTests
{
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string Vectors = "hubspot-signature-testvectors.txt";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    private HubSpotWebhookSource Source(bool allowLegacy = false) =>
        new(SourceOptions.Of(new HubSpotSourceOptions { ClientSecret = Secret, AllowLegacySignatures = allowLegacy }), new HubSpotSignature(_time));

    private WebhookBuilder SignedV3(string fixture, DateTimeOffset? at = null, string secret = Secret)
    {
        var builder = WebhookBuilder.For("hubspot").Fixture(fixture);
        var timestamp = (at ?? Now).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.SignV3(secret, "POST", builder.RequestUri.OriginalString, builder.BodyBytes, timestamp);
        return builder.Header(HubSpotSignature.V3Header, signature).Header(HubSpotSignature.TimestampHeader, timestamp);
    }

    [Fact]
    public void Published_v1_vector_is_accepted_when_legacy_signatures_are_allowed()
    {
        var webhook = WebhookBuilder.For("hubspot").Fixture("hubspot-webhooks-v1-signature-testvector-body.json")
            .Header(HubSpotSignature.LegacyHeader, VendorFixture.Value(Vectors, "expected X-HubSpot-Signature"))
            .Header(HubSpotSignature.VersionHeader, "v1").Build();

        Assert.Null(Source(allowLegacy: true).Authenticate(webhook));
        Assert.Equal(RejectionKind.Unauthenticated, Source().Authenticate(webhook)!.Kind);
    }

    [Fact]
    public void Published_v2_vector_is_accepted_when_legacy_signatures_are_allowed()
    {
        var webhook = WebhookBuilder.For("hubspot").Get().Uri(VendorFixture.Value(Vectors, "uri"))
            .Header(HubSpotSignature.LegacyHeader, VendorFixture.Value(Vectors, "expected X-HubSpot-Signature", 1))
            .Header(HubSpotSignature.VersionHeader, "v2").Build();

        Assert.Equal(Secret, VendorFixture.Value(Vectors, "clientSecret"));
        Assert.Null(Source(allowLegacy: true).Authenticate(webhook));
    }

    [Fact]
    public void Published_vectors_match_the_signing_functions()
    {
        Assert.Equal(VendorFixture.Value(Vectors, "expected X-HubSpot-Signature"),
            HubSpotSignature.SignV1(Secret, VendorFixture.Bytes("hubspot-webhooks-v1-signature-testvector-body.json")));
        Assert.Equal(VendorFixture.Value(Vectors, "expected X-HubSpot-Signature", 1),
            HubSpotSignature.SignV2(Secret, "GET", "https://www.example.com/webhook_uri", []));
    }

    [Fact]
    public void V3_signature_over_method_uri_body_and_timestamp_is_accepted()
    {
        Assert.Null(Source().Authenticate(SignedV3("hubspot-webhooks-api-batch.json").Build()));
    }

    [Fact]
    public void V3_signature_over_the_decoded_uri_is_accepted()
    {
        var builder = WebhookBuilder.For("hubspot").Fixture("hubspot-webhooks-api-batch.json").Uri("https://leadsync.example.com/api/webhooks/hubspot?tag=a%3Ab");
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = HubSpotSignature.SignV3(Secret, "POST", "https://leadsync.example.com/api/webhooks/hubspot?tag=a:b", builder.BodyBytes, timestamp);

        var webhook = builder.Header(HubSpotSignature.V3Header, signature).Header(HubSpotSignature.TimestampHeader, timestamp).Build();

        Assert.Null(Source().Authenticate(webhook));
    }

    [Fact]
    public void V3_with_a_tampered_body_is_rejected()
    {
        var builder = SignedV3("hubspot-webhooks-api-batch.json");
        var tampered = builder.BodyBytes.ToArray();
        tampered[10] ^= 1;

        Assert.Equal(RejectionKind.Unauthenticated, Source().Authenticate(builder.Body(tampered).Build())!.Kind);
    }

    [Fact]
    public void V3_signed_with_another_secret_is_rejected()
    {
        Assert.NotNull(Source().Authenticate(SignedV3("hubspot-webhooks-api-batch.json", secret: "another-secret").Build()));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void V3_outside_five_minutes_is_rejected(int minutes)
    {
        var rejection = Source().Authenticate(SignedV3("hubspot-webhooks-api-batch.json", Now.AddMinutes(minutes)).Build());

        Assert.Contains("tolerance", rejection!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsigned_delivery_is_rejected()
    {
        Assert.NotNull(Source(allowLegacy: true).Authenticate(WebhookBuilder.For("hubspot").Fixture("hubspot-webhooks-api-batch.json").Build()));
    }

    [Fact]
    public void Webhooks_api_batch_creates_an_enrichment_draft_for_contact_creation_only()
    {
        var result = Source().Parse(WebhookBuilder.For("hubspot").Fixture("hubspot-webhooks-api-batch.json").Build());

        var draft = Assert.Single(result.Drafts);
        Assert.Equal("1246978", draft.EnrichmentKey);
        Assert.Equal("33:22:contact.creation:1246978:3816279480:1462216307945", draft.DeliveryKey);
        Assert.Equal("contact.creation", draft.Touch!.SourceEvent);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462216307945), draft.Touch.OccurredAt);
    }

    [Fact]
    public void Configured_property_change_creates_a_lead()
    {
        var options = new HubSpotSourceOptions { ClientSecret = Secret, LeadPropertyChanges = ["lifecyclestage=subscriber"] };
        var source = new HubSpotWebhookSource(SourceOptions.Of(options), new HubSpotSignature(_time));

        var result = source.Parse(WebhookBuilder.For("hubspot").Fixture("hubspot-webhooks-api-batch.json").Build());

        Assert.Equal(["1246965", "1246978"], result.Drafts.Select(d => d.EnrichmentKey));
    }

    [Fact]
    public void Workflow_payload_with_properties_becomes_a_complete_lead()
    {
        var draft = Assert.Single(Source().Parse(WebhookBuilder.For("hubspot").Fixture("hubspot-workflow-contact.json").Build()).Drafts);

        Assert.False(draft.NeedsEnrichment);
        Assert.Equal("jane.doe@example.org", draft.Contact.Email);
        Assert.Equal("Jane", draft.Contact.FirstName);
        Assert.Equal("Doe", draft.Contact.LastName);
        Assert.Equal("+442079460958", draft.Contact.Phone);
        Assert.Equal("CTO", draft.Contact.Title);
        Assert.Equal(72, draft.Score);
        Assert.StartsWith("workflow:1246978:", draft.DeliveryKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_payload_with_an_id_only_is_enriched_later()
    {
        var draft = Assert.Single(Source().Parse(WebhookBuilder.For("hubspot").Fixture("hubspot-workflow-id-only.json").Build()).Drafts);

        Assert.Equal("1246979", draft.EnrichmentKey);
    }

    [Fact]
    public void Redelivered_workflow_payload_keeps_its_delivery_key()
    {
        var first = Source().Parse(WebhookBuilder.For("hubspot").Fixture("hubspot-workflow-contact.json").Build()).Drafts[0];
        var again = Source().Parse(WebhookBuilder.For("hubspot").Fixture("hubspot-workflow-contact.json").Build()).Drafts[0];

        Assert.Equal(first.DeliveryKey, again.DeliveryKey);
    }

    [Fact]
    public void Source_is_disabled_until_the_client_secret_is_configured()
    {
        Assert.False(new HubSpotWebhookSource(SourceOptions.Of(new HubSpotSourceOptions()), new HubSpotSignature(_time)).IsEnabled);
    }
}

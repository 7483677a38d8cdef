using System.Text;
using LeadSync.Core.Intake;
using LeadSync.Core.Intake.Quarantine;
using LeadSync.Core.Intake.Redaction;
using LeadSync.Testing;
using Moq;

namespace LeadSync.Core.Tests.Intake.Redaction;

/// <summary>Issue 21 item 3: no credential of any source is kept in what LeadSync stores.</summary>
public sealed class WebhookRedactorTests
{
    private const string GoogleAdsBody = "google-ads-lead-form-tester123-observed.json";

    public static TheoryData<string> Sources => [.. SourceCatalog.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_sources_credentials_and_credential_headers_are_stripped(string source)
    {
        var webhook = Authentic(source) with { };
        webhook = webhook with
        {
            Headers = new Dictionary<string, string>(webhook.Headers, StringComparer.OrdinalIgnoreCase)
            {
                ["Authorization"] = "Bearer eyJhbGciOi.payload.sig",
                ["Cookie"] = "session=abc123",
                ["X-LeadSync-Admin-Key"] = "admin-key-value",
                ["X-LeadSync-Secret"] = "mk",
                ["User-Agent"] = "Vendor/1.0",
            },
        };

        var redacted = new WebhookRedactor(new FixedSecrets([], "X-LeadSync-Secret")).Redact(webhook);

        Assert.DoesNotContain(redacted.Headers.Keys, h => h is "Authorization" or "Cookie" or "X-LeadSync-Admin-Key" or "X-LeadSync-Secret");
        Assert.Equal("Vendor/1.0", redacted.Headers["User-Agent"]);
        Assert.False(redacted.Query.ContainsKey("key"));
        Assert.DoesNotContain("key=", redacted.RequestUri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("google_key\":\"gk\"", Encoding.UTF8.GetString(redacted.Body.Span), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_redacted_delivery_parses_to_the_same_leads(string source)
    {
        var webhook = Authentic(source);
        var named = SourceCatalog.Named(source);

        var before = named.Parse(webhook);
        var after = named.Parse(new WebhookRedactor(new FixedSecrets(["long-enough-secret"])).Redact(webhook));

        Assert.Equal(before.Drafts.Select(d => d.DeliveryKey), after.Drafts.Select(d => d.DeliveryKey));
        Assert.Equal(before.Drafts.Select(d => d.Contact.Email), after.Drafts.Select(d => d.Contact.Email));
    }

    [Fact]
    public void Google_ads_key_is_masked_in_the_body_byte_for_byte_elsewhere()
    {
        var body = """{"lead_id":"L1", "google_key" : "gk-\u0041bc","x":1}""";
        var webhook = WebhookBuilder.For("google-ads").Body(body).Build();

        var redacted = Encoding.UTF8.GetString(new WebhookRedactor().Redact(webhook).Body.Span);

        Assert.Equal("""{"lead_id":"L1", "google_key" : "[redacted]","x":1}""", redacted);
    }

    [Fact]
    public void A_configured_secret_is_masked_wherever_it_appears_raw_url_or_json_encoded()
    {
        const string secret = "s3cr3t+/value=1";
        var webhook = WebhookBuilder.For("unbounce")
            .Uri($"https://leadsync.example.com/api/webhooks/unbounce/{Uri.EscapeDataString(secret)}?page={Uri.EscapeDataString(secret)}&keep=yes")
            .Header("X-Forwarded-Note", "token " + secret)
            .Form()
            .Body($"data.json={Uri.EscapeDataString("{\"k\":\"" + secret + "\"}")}&plain={System.Net.WebUtility.UrlEncode(secret)}&json=\"{secret.Replace("/", "\\/", StringComparison.Ordinal)}\"")
            .Build();
        webhook = webhook with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(webhook.Body.Span) + "&escaped=" + System.Text.Json.JsonEncodedText.Encode(secret).Value) };

        var redacted = new WebhookRedactor(new FixedSecrets([secret])).Redact(webhook);

        var everything = redacted.RequestUri + string.Join('|', redacted.Headers.Values) + Encoding.UTF8.GetString(redacted.Body.Span);
        Assert.DoesNotContain("s3cr3t", everything, StringComparison.Ordinal);
        Assert.Contains("keep=yes", redacted.RequestUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_rotated_after_the_first_delivery_is_masked_in_the_next_one()
    {
        // The redactor keeps the secrets' encoded forms between deliveries; a rotation must still be seen at once.
        var secrets = new List<string> { "first-secret-value" };
        var redactor = new WebhookRedactor(new FixedSecrets(secrets));
        var webhook = WebhookBuilder.For("unbounce")
            .Header("X-Forwarded-Note", "first-secret-value second-secret-value")
            .Build();

        var before = redactor.Redact(webhook);
        secrets[0] = "second-secret-value";
        var after = redactor.Redact(webhook);

        Assert.Equal($"{WebhookRedactor.Mask} second-secret-value", before.Headers["X-Forwarded-Note"]);
        Assert.Equal($"first-secret-value {WebhookRedactor.Mask}", after.Headers["X-Forwarded-Note"]);
    }

    [Fact]
    public void Redacting_twice_changes_nothing_more()
    {
        var redactor = new WebhookRedactor(new FixedSecrets(["long-enough-secret"]));
        var once = redactor.Redact(Authentic("google-ads"));

        var twice = redactor.Redact(once);

        Assert.Equal(once.Body.ToArray(), twice.Body.ToArray());
        Assert.Equal(once.RequestUri, twice.RequestUri);
        Assert.Equal(once.Headers, twice.Headers);
    }

    [Fact]
    public async Task A_google_ads_lead_keeps_no_key_in_its_raw_payload()
    {
        // Before: every Google Ads lead kept google_key in RawPayload.
        var harness = new IntakeHarness();

        var result = await harness.Intake().AcceptAsync(Authentic("google-ads"), CancellationToken.None);

        var lead = await harness.Lead(Assert.Single(result.Leads).LeadId);
        Assert.Contains("[redacted]", lead!.RawPayload, StringComparison.Ordinal);
        Assert.DoesNotContain("\"gk\"", lead.RawPayload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("google-ads")]
    [InlineData("marketo")]
    [InlineData("pardot")]
    public async Task A_quarantined_delivery_keeps_no_credential(string source)
    {
        // Before: the quarantine stored the URI with ?key=, every header and the body as they came.
        var harness = new IntakeHarness();
        QuarantineItem? stored = null;
        harness.Quarantine.Setup(q => q.AddAsync(It.IsAny<QuarantineItem>(), It.IsAny<CancellationToken>()))
            .Callback<QuarantineItem, CancellationToken>((item, _) => stored = item)
            .Returns(Task.CompletedTask);
        var webhook = Unprocessable(source);
        webhook = webhook with { Headers = new Dictionary<string, string>(webhook.Headers, StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Basic dXNlcjpwYXNz" } };

        var result = await harness.Intake().AcceptAsync(webhook, CancellationToken.None);

        Assert.Equal(RejectionKind.Unprocessable, result.Rejection?.Kind);
        Assert.NotNull(stored);
        Assert.DoesNotContain("key=", stored!.RequestUri.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Headers.Keys, h => h is "Authorization" or "X-LeadSync-Secret");
        Assert.DoesNotContain("\"gk\"", Encoding.UTF8.GetString(stored.Body), StringComparison.Ordinal);
    }

    private static InboundWebhook Authentic(string source) => SourceCatalog.Authentic(source, Body(source));

    private static InboundWebhook Unprocessable(string source) => SourceCatalog.Authentic(source, source switch
    {
        "google-ads" => Encoding.UTF8.GetBytes("""{"google_key":"gk","user_column_data":[]}"""),
        "marketo" => Encoding.UTF8.GetBytes("""{"leadId":"77","firstName":"No","lastName":"Channel"}"""),
        _ => Encoding.UTF8.GetBytes("first_name=No&last_name=Channel"),
    });

    private static byte[] Body(string source) => source switch
    {
        "google-ads" => Encoding.UTF8.GetBytes(VendorFixture.Text(GoogleAdsBody).Replace("bakerGoogleWebHookValue", "gk", StringComparison.Ordinal)),
        "meta" => VendorFixture.Bytes("meta-leadgen-webhook.json"),
        "linkedin" => VendorFixture.Bytes("linkedin-lead-action-created.json"),
        "hubspot" => VendorFixture.Bytes("hubspot-webhooks-api-batch.json"),
        "typeform" => VendorFixture.Bytes("typeform-form_response.json"),
        "marketo" => VendorFixture.Bytes("marketo-call-webhook.json"),
        "mailchimp" => VendorFixture.Bytes("mailchimp-subscribe.form"),
        "unbounce" => VendorFixture.Bytes("unbounce-form-submit.form"),
        "pardot" => VendorFixture.Bytes("pardot-form-handler.form"),
        _ => VendorFixture.Bytes("standardwebhooks-payload.json"),
    };
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Core.Intake.HubSpot;
using LeadSync.Reliability.Tests.Hostile;
using LeadSync.Testing;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// R6 over real HTTP against the portable host: every source refuses unsigned, wrongly signed, tampered and stale
/// deliveries and de-duplicates a replayed valid one; every admin operation of the live OpenAPI document refuses
/// callers without the admin identity (no key, an unknown, revoked or hashed key, any configured secret); webhook
/// routes refuse the admin key; the body limit holds before parsing, with and without Content-Length, without
/// buffering the whole stream; and the host's log holds no secret, admin key or e-mail address sent.
/// </summary>
public sealed partial class R6SecurityTests(SecurityHostFixture fixture, ITestOutputHelper output) : IClassFixture<SecurityHostFixture>
{
    private const int MaxBodyBytes = 262_144;

    public static TheoryData<string> Sources() => [.. SourceDialects.All.Select(d => d.Name)];

    public static TheoryData<string> BodySigningSources() => [.. SourceDialects.All.Where(d => d.SignsBody).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Unsigned_and_wrongly_signed_deliveries_are_refused(string source)
    {
        var dialect = SourceDialects.Named(source);
        var sample = Sample(source, "refused");
        var other = SourceDialects.All.First(d => d.Name != source && !d.Secret.StartsWith("whsec_", StringComparison.Ordinal)).Secret;
        var wrong = source == "generic" ? Secrets.CrmEvents : other;
        DeliveryTemplate[] attempts =
        [
            DeliveryTemplate.Create(WebhookUrl(source), dialect, Body(dialect, sample, key: null), secret: null),
            DeliveryTemplate.Create(WebhookUrl(source), dialect, Body(dialect, sample, key: wrong), wrong),
            DeliveryTemplate.Create(WebhookUrl(source), dialect, Body(dialect, sample, key: dialect.Secret + "x"), source == "generic" ? "whsec_" + Convert.ToBase64String(new byte[32]) : dialect.Secret + "x"),
        ];

        foreach (var attempt in attempts)
        {
            await AssertRefusedAsync(attempt, 401);
        }

        AssertLogClean();
    }

    [Theory]
    [MemberData(nameof(BodySigningSources))]
    public async Task A_signature_over_other_bytes_is_refused(string source)
    {
        var dialect = SourceDialects.Named(source);
        var body = Body(dialect, Sample(source, "tampered"), key: null);
        byte[] original = [.. body];
        var at = Array.FindLastIndex(body, b => b is >= (byte)'a' and <= (byte)'z');
        body[at] = body[at] == (byte)'a' ? (byte)'b' : (byte)'a';

        await AssertRefusedAsync(DeliveryTemplate.Create(WebhookUrl(source), dialect, body, dialect.Secret, signedBody: original), 401);
    }

    [Theory]
    [InlineData("generic", -6)]
    [InlineData("generic", 6)]
    [InlineData("hubspot", -6)]
    [InlineData("hubspot", 6)]
    public async Task A_timestamp_outside_the_tolerance_is_refused(string source, int minutes)
    {
        var dialect = SourceDialects.Named(source);
        var body = Body(dialect, Sample(source, "stale"), key: null);
        var at = DateTimeOffset.UtcNow.AddMinutes(minutes);
        HttpRequestMessage request;
        if (source == "generic")
        {
            request = StandardWebhookSigner.SignedPost(WebhookUrl(source), Secrets.Generic, Encoding.UTF8.GetString(body), at: at);
        }
        else
        {
            var millis = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl(source)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", dialect.MediaType);
            request.Headers.Add(HubSpotSignature.TimestampHeader, millis);
            request.Headers.Add(HubSpotSignature.V3Header, HubSpotSignature.SignV3(dialect.Secret, "POST", WebhookUrl(source).AbsoluteUri, body, millis));
        }

        using (request)
        {
            using var response = await fixture.Client.SendAsync(request);
            await AssertProblemAsync(response, 401);
        }
    }

    [Fact]
    public async Task A_crm_callback_outside_the_tolerance_or_signed_with_a_webhook_secret_is_refused()
    {
        var url = fixture.Host.Url("api/crm-events/sandbox");
        const string body = """{"leadId":"ld_2ke4b8gzwqtt5gbp5pd0g8s4","event":"contacted"}""";
        HttpRequestMessage[] requests =
        [
            StandardWebhookSigner.SignedPost(url, Secrets.CrmEvents, body, at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            StandardWebhookSigner.SignedPost(url, Secrets.Generic, body),
            new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") },
        ];

        foreach (var request in requests)
        {
            using (request)
            {
                using var response = await fixture.Client.SendAsync(request);
                await AssertProblemAsync(response, 401);
            }
        }
    }

    [Fact]
    public async Task A_signed_crm_callback_with_unreadable_text_is_400_not_500()
    {
        // Valid JSON whose leadId holds a lone surrogate escape: reading it threw and answered 500 before.
        var request = StandardWebhookSigner.SignedPost(fixture.Host.Url("api/crm-events/sandbox"), Secrets.CrmEvents, """{"leadId":"ld_\ud800","event":"contacted"}""");

        using (request)
        {
            using var response = await fixture.Client.SendAsync(request);
            await AssertProblemAsync(response, 400);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_replayed_valid_delivery_is_deduplicated_not_a_second_lead(string source)
    {
        var dialect = SourceDialects.Named(source);
        var sample = Sample(source, "replay");
        var delivery = DeliveryTemplate.Create(WebhookUrl(source), dialect, Body(dialect, sample, key: dialect.Secret), dialect.Secret);

        var first = await AcceptAsync(delivery);
        var replays = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AcceptAsync(delivery)));

        Assert.All(replays, r => Assert.Equal(first, r));
        var timeline = (await WaitForLeadAsync(first)).GetProperty("timeline");
        Assert.Equal(1, timeline.EnumerateArray().Count(e => e.GetProperty("event").GetString() == "lead.received"));
        AssertLogClean();
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_webhook_route_refuses_the_admin_key_in_place_of_its_signature(string source)
    {
        var dialect = SourceDialects.Named(source);
        var adminKey = fixture.Host.AdminKey;
        var asSecret = source == "generic" ? "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(adminKey)) : adminKey;
        var body = Body(dialect, Sample(source, "adminkey"), key: adminKey);
        var signedWithAdminKey = DeliveryTemplate.Create(WebhookUrl(source), dialect, body, asSecret).WithHeader("X-LeadSync-Admin-Key", adminKey);
        var adminHeaderOnly = DeliveryTemplate.Create(WebhookUrl(source), dialect, Body(dialect, Sample(source, "adminhdr"), key: null), secret: null)
            .WithHeader("X-LeadSync-Admin-Key", adminKey);

        await AssertRefusedAsync(signedWithAdminKey, 401);
        await AssertRefusedAsync(adminHeaderOnly, 401);
    }

    [Fact]
    public async Task Every_admin_operation_in_the_live_openapi_document_refuses_callers_without_the_admin_identity()
    {
        Assert.Equal(200, fixture.RevokedKeyStatusBeforeRevocation);
        var document = await fixture.Client.GetFromJsonAsync<JsonElement>(fixture.Host.Url("api/openapi.json"));
        var (routes, unsecured) = AdminRouteCatalog.Read(document);
        Assert.Empty(unsecured);
        Assert.Contains(routes, r => r.Template == "/leads/{id}");
        Assert.True(routes.Select(r => r.Template).Distinct().Count() >= 12, "The OpenAPI document lists fewer admin operations than expected.");
        var adminKey = fixture.Host.AdminKey;
        string?[] keys =
        [
            null, AdminKeys.Unknown, AdminKeys.Revoked, AdminKeys.Hash(adminKey), adminKey.ToUpperInvariant(), adminKey[..^1], .. Secrets.All,
        ];
        var checkedCalls = 0;
        foreach (var route in routes)
        {
            foreach (var key in keys)
            {
                using var response = await fixture.Client.SendAsync(AdminRequest(route, key));
                await AssertProblemAsync(response, 401, $"{route.Method} {route.Path} with {(key is null ? "no key" : "key " + key[..4] + "…")}");
                checkedCalls++;
            }

            using (var bearer = AdminRequest(route, null))
            {
                bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer " + adminKey);
                using var response = await fixture.Client.SendAsync(bearer);
                await AssertProblemAsync(response, 401, $"{route.Method} {route.Path} with the admin key as a bearer token");
            }

            using var allowed = await fixture.Client.SendAsync(AdminRequest(route, adminKey));
            Assert.True(allowed.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)allowed.StatusCode < 500,
                $"{route.Method} {route.Path} with the admin key answered {(int)allowed.StatusCode}.");
        }

        output.WriteLine($"R6 admin: {routes.Count} concrete admin calls from {routes.Select(r => r.Template).Distinct().Count()} operations × {keys.Length + 1} wrong identities = {checkedCalls + routes.Count} refusals checked");
        AssertLogClean();
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task A_declared_oversized_body_is_refused_before_it_is_sent(string source)
    {
        var dialect = SourceDialects.Named(source);
        var answer = await RawHttp.SendUnfinishedAsync(WebhookUrl(source), [new("Content-Type", dialect.MediaType)], declaredLength: 64L * 1024 * 1024,
            maxBodyBytes: 16 * 1024, patience: TimeSpan.FromSeconds(30));

        AssertRawProblem(answer, 413);
        Assert.True(answer.BodyBytesSentWhenAnswered <= 16 * 1024);
    }

    [Theory]
    [InlineData("generic")]
    [InlineData("pardot")]
    public async Task A_chunked_stream_is_cut_off_at_the_limit_without_being_buffered(string source)
    {
        const long stream = 64L * 1024 * 1024;
        var dialect = SourceDialects.Named(source);

        // The stream is never finished (no last chunk): an answer at all proves the host did not wait for the whole body.
        var answer = await RawHttp.SendUnfinishedAsync(WebhookUrl(source), [new("Content-Type", dialect.MediaType)], declaredLength: null,
            maxBodyBytes: stream, patience: TimeSpan.FromSeconds(60));

        AssertRawProblem(answer, 413);
        Assert.InRange(answer.BodyBytesSentWhenAnswered, MaxBodyBytes, stream - 1);
        output.WriteLine($"R6 chunked {source}: 413 after {answer.BodyBytesSentWhenAnswered / 1024} KiB of a never-finished {stream / 1024 / 1024} MiB stream");
    }

    [Fact]
    public async Task An_oversized_body_sent_whole_is_413_problem_json_for_every_source()
    {
        foreach (var dialect in SourceDialects.All)
        {
            var body = new byte[MaxBodyBytes + 1];
            Array.Fill(body, (byte)' ');
            foreach (var chunked in new[] { false, true })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl(dialect.Name))
                {
                    Content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body),
                };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", dialect.MediaType);
                dialect.Authenticate(request, body, dialect.Secret);
                using var response = await fixture.Client.SendAsync(request);
                await AssertProblemAsync(response, 413, $"{dialect.Name} {(chunked ? "chunked" : "with Content-Length")}");
            }
        }
    }

    private Uri WebhookUrl(string source) => fixture.Host.Url("api/webhooks/" + source);

    private LeadSample Sample(string source, string purpose)
    {
        var id = $"{purpose}{Guid.NewGuid():N}"[..24];
        var sample = new LeadSample(id, $"r6.{source}.{purpose}.{id[^8..]}@example.com", "Grace", "Hopper", "Navy", "+1 202 555 0142");
        fixture.EmailsSent.Add(sample.Email);
        return sample;
    }

    private static byte[] Body(SourceDialect dialect, LeadSample sample, string? key) => dialect.IsForm
        ? Encoding.UTF8.GetBytes(FormBodyMutator.Encode(dialect.Form!(sample)))
        : Encoding.UTF8.GetBytes(dialect.Json!(sample, dialect.Name == "google-ads" ? key : null).ToJsonString());

    /// <summary>The lead once filing (off the request path, moments after the 202) has stored it.</summary>
    private async Task<JsonElement> WaitForLeadAsync(string leadId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var lead = await GetLeadAsync(leadId, fixture.Host.AdminKey);
            if (lead.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, lead.StatusCode);
                return await lead.Content.ReadFromJsonAsync<JsonElement>();
            }

            await Task.Delay(100);
        }
    }

    private async Task<string> AcceptAsync(DeliveryTemplate delivery)
    {
        using var request = delivery.ToRequest();
        using var response = await fixture.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return body.GetProperty("leadId").GetString()!;
    }

    private async Task AssertRefusedAsync(DeliveryTemplate delivery, int status)
    {
        using var request = delivery.ToRequest();
        using var response = await fixture.Client.SendAsync(request);
        await AssertProblemAsync(response, status);
    }

    private Task<HttpResponseMessage> GetLeadAsync(string leadId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, fixture.Host.Url("api/leads/" + leadId));
        request.Headers.Add("X-LeadSync-Admin-Key", key);
        return fixture.Client.SendAsync(request);
    }

    private HttpRequestMessage AdminRequest(AdminRoute route, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), fixture.Host.Url(route.Path));
        if (route.Method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-LeadSync-Admin-Key", key);
        }

        return request;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string? what = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what} answered {(int)response.StatusCode}, not {status}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    private static void AssertRawProblem(RawAnswer answer, int status)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(status, JsonDocument.Parse(answer.Body).RootElement.GetProperty("status").GetInt32());
    }

    private void AssertLogClean()
    {
        var lines = fixture.EarlierHostOutput.Concat(fixture.Host.Output).ToList();
        LogScan.AssertClean(lines, fixture.EmailsSent, fixture.Host.AdminKey);
        Assert.DoesNotContain(lines, l => l.Contains(AdminKeys.Revoked, StringComparison.Ordinal) || l.Contains(AdminKeys.Unknown, StringComparison.Ordinal));
    }
}

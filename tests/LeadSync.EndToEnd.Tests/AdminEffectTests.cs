using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Admin changes made through the admin API over HTTP take effect in the running portable host, without a restart:
/// the qualification rules decide sales versus nurture, the connections decide what intake accepts. Each test puts
/// back what it changed.
/// </summary>
[Collection(AdminEffectCollection.Name)]
public sealed class AdminEffectTests(AdminEffectHostFixture fixture)
{
    private const string RotatedSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Fact]
    public async Task Qualification_rules_saved_through_the_admin_api_send_leads_without_the_bant_answers_to_nurture()
    {
        using var invalid = await PutAsync("api/admin/config/qualification", """{"requiredFields":["budget","shoeSize"],"mode":"any"}""", "*");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["mode", "requiredFields[1]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var etag = await PutOkAsync("api/admin/config/qualification", """{"minimumScore":0,"requiredFields":["budget","need"],"mode":"all"}""", "*");
        try
        {
            var nurtured = await PostLeadAsync(ThinPathHostFixture.GenericSecret, """{"type":"lead.created","data":{"email":"no-bant@example.com","budget":"50k"}}""");
            var ready = await PostLeadAsync(ThinPathHostFixture.GenericSecret, """{"type":"lead.created","data":{"email":"bant@example.com","budget":"50k","need":"CRM sync"}}""");

            var nurture = await LeadApi.WaitForLeadAsync(_client, _host, nurtured, l => LeadApi.Status(l) != "Received", TimeSpan.FromSeconds(30));
            var sales = await LeadApi.WaitForLeadAsync(_client, _host, ready, l => LeadApi.Status(l) is "SalesReady" or "Synced", TimeSpan.FromSeconds(30));
            Assert.Equal("Nurture", LeadApi.Status(nurture));
            Assert.Contains(nurture.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("detail").GetString()!.Contains("missing need", StringComparison.Ordinal));
            Assert.Contains(LeadApi.Status(sales), new[] { "SalesReady", "Synced" });
        }
        finally
        {
            await PutOkAsync("api/admin/config/qualification", """{"minimumScore":0,"requiredFields":[],"mode":"all"}""", etag);
        }
    }

    [Fact]
    public async Task Qualification_rules_with_values_send_leads_that_fail_them_to_the_nurture_tool_at_once_consent_honoured()
    {
        using var invalid = await PutAsync("api/admin/config/qualification", """{"minimumBudget":-5,"countries":["US","us"]}""", "*");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name == "minimumBudget");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("countries", StringComparison.Ordinal));

        var etag = await PutOkAsync(
            "api/admin/config/qualification", """{"minimumBudget":25000,"excludeFreeMail":true,"countries":["US","CA"],"mode":"all"}""", "*");
        try
        {
            var ready = await PostLeadAsync(ThinPathHostFixture.GenericSecret,
                """{"type":"lead.created","data":{"email":"vp@acme-values.com","budget":"$50k","country":"US"}}""");
            var small = await PostLeadAsync(ThinPathHostFixture.GenericSecret,
                """{"type":"lead.created","data":{"email":"small@acme-values.com","budget":"10k","country":"CA"}}""");
            var declined = await PostLeadAsync(ThinPathHostFixture.GenericSecret,
                """{"type":"lead.created","data":{"email":"someone@gmail.com","budget":"60000","country":"US","marketing_consent":"false"}}""");

            var sales = await LeadApi.WaitForLeadAsync(_client, _host, ready, l => LeadApi.Status(l) is "SalesReady" or "Synced", TimeSpan.FromSeconds(30));
            Assert.Contains(LeadApi.Status(sales), new[] { "SalesReady", "Synced" });

            var nurtured = await LeadApi.WaitForLeadAsync(_client, _host, small, l => LeadApi.Events(l).Contains("marketing.nurture-pushed"), TimeSpan.FromSeconds(30));
            Assert.Equal("Nurture", LeadApi.Status(nurtured));
            Assert.Contains(nurtured.GetProperty("timeline").EnumerateArray(),
                e => e.GetProperty("detail").GetString()!.Contains("budget 10,000 is below 25,000", StringComparison.Ordinal));
            Assert.Contains(nurtured.GetProperty("timeline").EnumerateArray(),
                e => e.GetProperty("detail").GetString()!.Contains("not-sales-ready", StringComparison.Ordinal));

            var skipped = await LeadApi.WaitForLeadAsync(_client, _host, declined, l => LeadApi.Events(l).Contains("marketing.nurture-skipped"), TimeSpan.FromSeconds(30));
            Assert.Equal("Nurture", LeadApi.Status(skipped));
            Assert.DoesNotContain("marketing.nurture-pushed", LeadApi.Events(skipped));
            Assert.Contains(skipped.GetProperty("timeline").EnumerateArray(),
                e => e.GetProperty("detail").GetString()!.Contains("consumer provider", StringComparison.Ordinal));
            Assert.Contains(skipped.GetProperty("timeline").EnumerateArray(),
                e => e.GetProperty("detail").GetString()!.Contains("did not consent", StringComparison.Ordinal));
        }
        finally
        {
            await PutOkAsync("api/admin/config/qualification", """{"minimumScore":0,"requiredFields":[],"mode":"all"}""", etag);
        }
    }

    [Fact]
    public async Task An_erasure_through_the_admin_api_anonymizes_the_lead_and_a_repeat_answers_the_same_record()
    {
        var leadId = await PostLeadAsync(ThinPathHostFixture.GenericSecret, """{"type":"lead.created","data":{"email":"forget.me@example.com","firstName":"Forget","phone":"+1 555 0100 222"}}""");
        await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) is "Synced", TimeSpan.FromSeconds(30));

        using var first = await PostAsync("api/admin/erasure", """{"email":"Forget.Me@example.com","reason":"Ticket 4711"}""");
        using var second = await PostAsync("api/admin/erasure", """{"email":"forget.me@example.com"}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(a.GetProperty("found").GetBoolean());
        Assert.Equal("completed", a.GetProperty("status").GetString());
        Assert.Equal([leadId], a.GetProperty("leadIds").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("key:", a.GetProperty("lastRequestedBy").GetString(), StringComparison.Ordinal);
        Assert.Contains(a.GetProperty("targets").EnumerateArray(), t => t.GetProperty("target").GetString() == "crm:sandbox" && t.GetProperty("status").GetString() == "erased");
        Assert.Equal(a.GetProperty("erased").ToString(), b.GetProperty("erased").ToString());
        Assert.Equal(a.GetProperty("subject").GetString(), b.GetProperty("subject").GetString());
        Assert.Equal(2, b.GetProperty("requests").GetInt32());
        var lead = (await LeadApi.GetLeadAsync(_client, _host, leadId))!.Value;
        Assert.Equal(JsonValueKind.Null, lead.GetProperty("contact").GetProperty("email").ValueKind);
        Assert.Contains("privacy.erased", LeadApi.Events(lead));
        Assert.DoesNotContain("forget", lead.ToString(), StringComparison.OrdinalIgnoreCase);

        using var unknown = await PostAsync("api/admin/erasure", """{"email":"never.seen@example.com"}""");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.False((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("found").GetBoolean());
    }

    [Fact]
    public async Task A_source_secret_rotated_disabled_and_re_enabled_through_the_admin_api_changes_what_intake_accepts()
    {
        var lead = """{"type":"lead.created","data":{"email":"rotate@example.com"}}""";
        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ThinPathHostFixture.GenericSecret, lead));

        var etag = await PutOkAsync("api/admin/config/connections", GenericSecretJson(RotatedSecret, enabled: true), "*");
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await DeliverAsync(ThinPathHostFixture.GenericSecret, lead));
            Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(RotatedSecret, lead));

            etag = await PutOkAsync("api/admin/config/connections", """{"sources":{"generic":{"enabled":false}}}""", etag);
            Assert.Equal(HttpStatusCode.NotFound, await DeliverAsync(RotatedSecret, lead));

            etag = await PutOkAsync("api/admin/config/connections", """{"sources":{"generic":{"enabled":true}}}""", etag);
            Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(RotatedSecret, lead));
            using var read = await GetAsync("api/admin/config/connections");
            Assert.DoesNotContain(RotatedSecret, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await PutOkAsync("api/admin/config/connections", GenericSecretJson(ThinPathHostFixture.GenericSecret, enabled: true), etag);
        }

        Assert.Equal(HttpStatusCode.Accepted, await DeliverAsync(ThinPathHostFixture.GenericSecret, lead));
    }

    private static string GenericSecretJson(string secret, bool enabled) =>
        JsonSerializer.Serialize(new { sources = new { generic = new { enabled, secret } } });

    private async Task<HttpStatusCode> DeliverAsync(string secret, string body)
    {
        using var request = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), secret, body);
        using var response = await _client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> PostLeadAsync(string secret, string body)
    {
        using var request = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), secret, body);
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetString()!;
    }

    private async Task<string> PutOkAsync(string path, string json, string ifMatch)
    {
        using var response = await PutAsync(path, json, ifMatch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Url(path));
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.Url(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PutAsync(string path, string json, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, _host.Url(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _client.SendAsync(request);
    }
}

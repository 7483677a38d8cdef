using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The admin API over HTTP against real storage (Azurite) on the portable host: ETag / If-Match, versioned history,
/// field-level validation, write-only secrets, dry run, search and the console. Writes only documents with no effect
/// on the other thin-path tests (a directory without their owner, the typeform source they never use); SLA documents
/// are validated or dry-run, never stored. Changes that do take effect are tested on their own host (AdminEffectTests).
/// </summary>
[Collection(ThinPathCollection.Name)]
public sealed class AdminApiTests(ThinPathHostFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Fact]
    public async Task Directory_changes_need_the_current_etag_and_are_listed_in_the_history()
    {
        using var first = await GetAsync("api/admin/config/directory");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.Tag;

        using var missing = await PutAsync("api/admin/config/directory", """{"owners":{"ada":{"manager":"grace"}}}""", ifMatch: null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        using var saved = await PutAsync("api/admin/config/directory", """{"owners":{"ada":{"manager":"grace","channel":"teams"}}}""", etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);

        using var stale = await PutAsync("api/admin/config/directory", """{"owners":{}}""", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        using var history = await GetAsync("api/admin/config/directory/history");
        var versions = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions");
        var newest = versions[0];
        Assert.Equal(saved.Headers.ETag!.Tag.Trim('"'), newest.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("key:", newest.GetProperty("changedBy").GetString(), StringComparison.Ordinal);
        Assert.Contains("owners", newest.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("grace", newest.GetProperty("document").GetProperty("owners").GetProperty("ada").GetProperty("manager").GetString());
    }

    [Fact]
    public async Task Two_versions_are_compared_field_by_field_and_an_earlier_one_is_rolled_back_as_a_new_version()
    {
        using var first = await PutAsync("api/admin/config/directory",
            """{"owners":{"ada":{"manager":"grace","channel":"teams"},"lin":{"email":"lin@example.com"}}}""", "*");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstVersion = Version(first);
        using var second = await PutAsync("api/admin/config/directory",
            """{"owners":{"ada":{"manager":"hopper","channel":"teams"}}}""", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var diff = await GetAsync($"api/admin/config/directory/diff?from={firstVersion}&to={Version(second)}");
        Assert.Equal(HttpStatusCode.OK, diff.StatusCode);
        var changes = (await diff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("path").GetString()!, c => c);
        Assert.Equal("grace", changes["owners.ada.manager"].GetProperty("before").GetString());
        Assert.Equal("hopper", changes["owners.ada.manager"].GetProperty("after").GetString());
        Assert.Equal("lin@example.com", changes["owners.lin"].GetProperty("before").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, changes["owners.lin"].GetProperty("after").ValueKind);
        Assert.DoesNotContain("owners.ada.channel", changes.Keys);

        using var badVersion = await GetAsync("api/admin/config/directory/diff?from=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badVersion.StatusCode);
        Assert.Equal("application/problem+json", badVersion.Content.Headers.ContentType?.MediaType);
        using var noIfMatch = await PostAsync("api/admin/config/directory/rollback", $$"""{"version":{{firstVersion}}}""");
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        using var future = await PostAsync("api/admin/config/directory/rollback", """{"version":99999}""", second.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        using var notJson = await PostAsync("api/admin/config/directory/rollback", "version=1", second.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        using var rolledBack = await PostAsync("api/admin/config/directory/rollback", $$"""{"version":{{firstVersion}}}""", second.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal(Version(second) + 1, Version(rolledBack));
        using var read = await GetAsync("api/admin/config/directory");
        var owners = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("owners");
        Assert.Equal("grace", owners.GetProperty("ada").GetProperty("manager").GetString());
        Assert.Equal("lin@example.com", owners.GetProperty("lin").GetProperty("email").GetString());
        using var history = await GetAsync("api/admin/config/directory/history");
        var newest = (await history.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versions")[0];
        Assert.Contains($"rollback to version {firstVersion}", newest.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("key:", newest.GetProperty("changedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_qualification_dry_run_judges_the_last_stored_leads_by_both_definitions_and_stores_nothing()
    {
        using var signed = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret,
            """{"type":"lead.created","data":{"email":"small.budget@dryrun.example","budget":"5k"}}""");
        using var accepted = await _client.SendAsync(signed);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var leadId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetString()!;
        await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) != "Received", TimeSpan.FromSeconds(30));
        using var before = await GetAsync("api/admin/config/qualification");

        using var run = await PostAsync("api/admin/qualification/dry-run?last=500", """{"minimumBudget":1000000}""");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var view = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("evaluated").GetInt32() >= 1);
        Assert.True(view.GetProperty("salesReadyCandidate").GetInt32() < view.GetProperty("salesReadyNow").GetInt32());
        var change = Assert.Single(view.GetProperty("changes").EnumerateArray(), c => c.GetProperty("leadId").GetString() == leadId);
        Assert.Equal("SalesReady", change.GetProperty("now").GetString());
        Assert.Equal("Nurture", change.GetProperty("candidate").GetString());
        Assert.Contains("budget 5,000 is below 1,000,000", change.GetProperty("candidateReason").GetString(), StringComparison.Ordinal);

        using var invalid = await PostAsync("api/admin/qualification/dry-run", """{"minimumBudget":-1}""");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("minimumBudget", out _));
        using var badLast = await PostAsync("api/admin/qualification/dry-run?last=0", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, badLast.StatusCode);
        using var after = await GetAsync("api/admin/config/qualification");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
    }

    private static int Version(HttpResponseMessage response) =>
        int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Connection_secrets_are_write_only_and_kept_when_omitted()
    {
        using var before = await GetAsync("api/admin/config/connections");
        using var saved = await PutAsync("api/admin/config/connections",
            """{"sources":{"typeform":{"secret":"tf-do-not-echo"}},"crm":{"baseUrl":"https://crm.example","clientSecret":"crm-do-not-echo"}}""", "*");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var kept = await PutAsync("api/admin/config/connections", """{"sources":{"typeform":{"enabled":false}},"crm":{"baseUrl":"https://crm.example"}}""",
            saved.Headers.ETag!.Tag);

        using var read = await GetAsync("api/admin/config/connections");
        using var history = await GetAsync("api/admin/config/connections/history");
        var everything = await saved.Content.ReadAsStringAsync() + await kept.Content.ReadAsStringAsync() +
            await read.Content.ReadAsStringAsync() + await history.Content.ReadAsStringAsync();

        Assert.DoesNotContain("do-not-echo", everything, StringComparison.Ordinal);
        var doc = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(doc.GetProperty("sources").GetProperty("typeform").GetProperty("secretSet").GetBoolean());
        Assert.True(doc.GetProperty("crm").GetProperty("clientSecretSet").GetBoolean());
    }

    [Fact]
    public async Task A_crm_base_url_outside_the_provider_and_the_allow_list_is_refused_with_a_field_error()
    {
        // The CRM's credentials go to crm.baseUrl at the next start; before, any http(s) URL was stored.
        using var evil = await PutAsync("api/admin/config/connections", """{"crm":{"baseUrl":"https://evil.example/collect"}}""", "*");
        using var plain = await PutAsync("api/admin/config/connections", """{"crm":{"baseUrl":"http://crm.example"}}""", "*");

        foreach (var response in new[] { evil, plain })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("crm.baseUrl", out _));
        }
    }

    [Fact]
    public async Task Invalid_sla_policies_answer_field_level_problem_details_from_the_settings_validators()
    {
        using var response = await PutAsync("api/admin/config/sla-policies", """
            {"firstTouch":"-00:05:00",
             "levels":[{"after":"00:30:00","recipient":"owner"},{"after":"00:10:00","recipient":"owner"}],
             "calendars":{"emea":{"timeZone":"Mars/Olympus","hours":{"Monday":"09:00-17:00"}}},
             "policies":[{"name":"hot","calendar":"missing"}],
             "color":"red"}
            """, "*");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("color", out _));

        using var noUnknown = await PutAsync("api/admin/config/sla-policies", """
            {"firstTouch":"-00:05:00",
             "levels":[{"after":"00:30:00","recipient":"owner"},{"after":"00:10:00","recipient":"owner"}],
             "calendars":{"emea":{"timeZone":"Mars/Olympus","hours":{"Monday":"09:00-17:00"}}},
             "policies":[{"name":"hot","calendar":"missing"}]}
            """, "*");
        var fields = (await noUnknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("firstTouch", fields);
        Assert.Contains("levels[1].after", fields);
        Assert.Contains("calendars.emea.timeZone", fields);
        Assert.Contains("policies[0].calendar", fields);

        using var unchanged = await GetAsync("api/admin/config/sla-policies");
        Assert.Equal("\"0\"", unchanged.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Dry_run_lists_open_leads_a_tighter_policy_would_breach_without_storing_it()
    {
        var (_, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("dry-run@example.com"));
        var leadId = body.GetProperty("leadId").GetString()!;
        await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) is "SalesReady" or "Synced", TimeSpan.FromSeconds(30));

        using var response = await PostAsync("api/admin/sla-policies/dry-run", """{"firstTouch":"00:00:01"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("evaluated").GetInt32() >= 1);
        Assert.False(result.GetProperty("truncated").GetBoolean());
        using var unchanged = await GetAsync("api/admin/config/sla-policies");
        Assert.Equal("\"0\"", unchanged.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Lead_search_filters_by_source_and_status_and_pages_with_a_continuation_token()
    {
        for (var i = 0; i < 3; i++)
        {
            await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson($"search-{i}@example.com"));
        }

        using var page = await GetAsync("api/admin/leads?source=generic&pageSize=2");
        var first = await page.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var token = first.GetProperty("continuationToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        using var next = await GetAsync($"api/admin/leads?source=generic&pageSize=2&continuationToken={Uri.EscapeDataString(token!)}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);

        using var none = await GetAsync("api/admin/leads?source=no-such-source");
        Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());

        using var bad = await GetAsync("api/admin/leads?status=Sleeping");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Dashboard_and_console_are_served()
    {
        using var dashboard = await GetAsync("api/admin/dashboard?days=3");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal(3, (await dashboard.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("compliance").GetArrayLength());

        using var console = await _client.GetAsync(_host.Url("api/console/"));
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("LeadSync admin", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", console.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Url(path));
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.Url(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PutAsync(string path, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, _host.Url(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }
}

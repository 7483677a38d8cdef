using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// The Dry runs tab: an admin runs the routing, qualification and recycle dry runs over the newest stored leads, with
/// a candidate document or the one in effect, and sees per lead what the API gives for the same input; bad candidates
/// are explained; nothing is written.
/// </summary>
public sealed class DryRunConsoleTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private const string Candidate = """{"policies":[{"name":"everyone","mode":"route","defaultTeam":"console-team"}]}""";

    [Fact]
    public async Task A_candidate_policy_dry_run_shows_each_leads_decision_as_the_api_gives_it_and_changes_nothing()
    {
        await PutPeopleAsync();
        var leads = new List<string>();
        foreach (var name in new[] { "ana", "ben", "cy" })
        {
            leads.Add(await PostLeadAsync($"{name}@routing-console.example"));
        }

        var api = await DryRunAsync("routing-policies", Candidate, last: 3);
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=dry-runs]");
        await page.FillAsync("#dr-last", "3");
        await page.FillAsync("#dr-candidate", Candidate);
        await page.ClickAsync("#dry-run-form button[type=submit]");

        await Assertions.Expect(page.Locator("#dr-table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#dr-summary")).ToContainTextAsync("3 lead(s) evaluated");
        foreach (var item in api.GetProperty("leads").EnumerateArray())
        {
            var row = page.Locator($"#dr-table tr[data-lead='{item.GetProperty("leadId").GetString()}']");
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(item.GetProperty("outcome").GetString()!);
            await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(item.GetProperty("person").GetString()!);
            await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("console-team");
            await Assertions.Expect(row.Locator("td").Nth(8)).ToHaveTextAsync(item.GetProperty("explanation").GetString()!);
            Assert.Contains(item.GetProperty("person").GetString(), new[] { "Ana Console", "Ben Console" });
        }

        Assert.Equal(leads.Order(), api.GetProperty("leads").EnumerateArray().Select(i => i.GetProperty("leadId").GetString()!).Order());
        await ConsoleHostFixture.ScreenshotAsync(page, "routing-dry-run");

        // The policies in effect leave every lead to the CRM (the default), and the dry run wrote nothing on the leads.
        await page.FillAsync("#dr-candidate", "");
        await page.ClickAsync("#dry-run-form button[type=submit]");
        await Assertions.Expect(page.Locator("#dr-summary")).ToContainTextAsync("0 would get an owner from routing");
        foreach (var id in leads)
        {
            var lead = await GetAsync($"api/leads/{id}");
            Assert.Equal(JsonValueKind.Null, lead.TryGetProperty("routedAt", out var routedAt) ? routedAt.ValueKind : JsonValueKind.Null);
            Assert.DoesNotContain(lead.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("event").GetString() == "lead.routed");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task A_candidate_the_validators_refuse_shows_their_field_messages_and_broken_json_is_caught_first()
    {
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=dry-runs]");

        await page.FillAsync("#dr-candidate", """{"policies":[{"name":"x","mode":"teleport"}]}""");
        await page.ClickAsync("#dry-run-form button[type=submit]");
        await Assertions.Expect(page.Locator("#dr-errors li").First).ToContainTextAsync("teleport");
        await Assertions.Expect(page.Locator("#dr-table")).ToBeHiddenAsync();

        await page.FillAsync("#dr-candidate", """{"policies": [""");
        await page.ClickAsync("#dry-run-form button[type=submit]");
        await Assertions.Expect(page.Locator("#dr-errors li").First).ToContainTextAsync("not valid JSON");
        await ConsoleHostFixture.ScreenshotAsync(page, "routing-dry-run-errors");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_qualification_and_recycle_dry_runs_show_what_the_api_gives_for_the_same_leads()
    {
        foreach (var name in new[] { "dee", "eve" })
        {
            await WaitForStatusAsync(await PostLeadAsync($"{name}@dry-runs.example"), "Synced"); // a state that stays put
        }

        const string Strict = """{"minimumScore": 100, "requiredFields": ["budget"]}""";
        var qualification = await DryRunAsync("qualification", Strict, last: 2);
        var recycle = await DryRunAsync("recycle", "", last: 2);
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=dry-runs]");

        await page.SelectOptionAsync("#dr-kind", "qualification");
        await page.FillAsync("#dr-last", "2");
        await page.FillAsync("#dr-candidate", Strict);
        await page.ClickAsync("#dry-run-form button[type=submit]");
        await Assertions.Expect(page.Locator("#dr-summary")).ToContainTextAsync(
            $"sales-ready now {qualification.GetProperty("salesReadyNow").GetInt32()}, with the candidate {qualification.GetProperty("salesReadyCandidate").GetInt32()}");
        Assert.True(qualification.GetProperty("changes").GetArrayLength() > 0, qualification.ToString());
        await Assertions.Expect(page.Locator("#dr-table tbody tr")).ToHaveCountAsync(qualification.GetProperty("changes").GetArrayLength());
        foreach (var change in qualification.GetProperty("changes").EnumerateArray())
        {
            var row = page.Locator($"#dr-table tr[data-lead='{change.GetProperty("leadId").GetString()}']");
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(change.GetProperty("now").GetString()!);
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(change.GetProperty("candidate").GetString()!);
        }

        await ConsoleHostFixture.ScreenshotAsync(page, "dry-run-qualification");

        await page.SelectOptionAsync("#dr-kind", "recycle");
        await page.FillAsync("#dr-candidate", "");
        await page.ClickAsync("#dry-run-form button[type=submit]");
        await Assertions.Expect(page.Locator("#dr-summary")).ToContainTextAsync($"{recycle.GetProperty("evaluated").GetInt32()} lead(s) evaluated; would recycle {recycle.GetProperty("wouldRecycle").GetInt32()}");
        await Assertions.Expect(page.Locator("#dr-table tbody tr")).ToHaveCountAsync(recycle.GetProperty("items").GetArrayLength());
        foreach (var item in recycle.GetProperty("items").EnumerateArray())
        {
            var row = page.Locator($"#dr-table tr[data-lead='{item.GetProperty("leadId").GetString()}']");
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(item.GetProperty("decision").GetString()!);
            await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync(item.GetProperty("why").GetString()!);
        }

        await ConsoleHostFixture.ScreenshotAsync(page, "dry-run-recycle");
        await page.CloseAsync();
    }

    private async Task PutPeopleAsync()
    {
        using var current = await SendAsync(HttpMethod.Get, "api/admin/config/people", null, null);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        const string people = """
            {"people":{
              "ana@routing-console.example":{"name":"Ana Console","email":"ana@routing-console.example","crmUserIds":{"sandbox":"u-ana"},"teams":["console-team"]},
              "ben@routing-console.example":{"name":"Ben Console","email":"ben@routing-console.example","crmUserIds":{"sandbox":"u-ben"},"teams":["console-team"]}},
             "teams":{"console-team":{"name":"console-team"}}}
            """;
        using var saved = await SendAsync(HttpMethod.Put, "api/admin/config/people", people, current.Headers.ETag?.Tag);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    private async Task<string> PostLeadAsync(string email)
    {
        using var delivery = StandardWebhookSigner.SignedPost(fixture.Host.Url("api/webhooks/generic"), ConsoleHostFixture.GenericSecret,
            $$$"""{"type":"lead.created","timestamp":"2026-11-23T10:00:00Z","data":{"email":"{{{email}}}","firstName":"Route","lastName":"Me","company":"Routing Co"}}""");
        using var accepted = await fixture.Client.SendAsync(delivery);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetString()!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var lead = await SendAsync(HttpMethod.Get, $"api/leads/{id}", null, null);
            if (lead.StatusCode == HttpStatusCode.OK)
            {
                return id;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Lead {id} was not filed.");
    }

    private async Task WaitForStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await GetAsync($"api/leads/{id}")).GetProperty("status").GetString() == status)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Lead {id} never reached {status}.");
    }

    private async Task<JsonElement> DryRunAsync(string policy, string candidate, int last)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/admin/{policy}/dry-run?last={last}", candidate, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, fixture.Host.Url(path));
        request.Headers.Add("X-LeadSync-Admin-Key", fixture.Host.AdminKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await fixture.Client.SendAsync(request);
    }
}

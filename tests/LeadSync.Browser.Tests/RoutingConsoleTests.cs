using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// The Routing tab: an admin runs the routing dry run over the newest stored leads with a candidate policy and sees,
/// per lead, the decision the API gives for the same input; bad candidates are explained, nothing is written.
/// </summary>
public sealed class RoutingConsoleTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
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

        var api = await DryRunAsync(Candidate, last: 3);
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=routing]");
        await page.FillAsync("#rt-last", "3");
        await page.FillAsync("#rt-candidate", Candidate);
        await page.ClickAsync("#routing-form button[type=submit]");

        await Assertions.Expect(page.Locator("#rt-table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#rt-summary")).ToContainTextAsync("3 lead(s) evaluated");
        foreach (var item in api.GetProperty("leads").EnumerateArray())
        {
            var row = page.Locator($"#rt-table tr[data-lead='{item.GetProperty("leadId").GetString()}']");
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(item.GetProperty("outcome").GetString()!);
            await Assertions.Expect(row.Locator("td").Nth(5)).ToHaveTextAsync(item.GetProperty("person").GetString()!);
            await Assertions.Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("console-team");
            await Assertions.Expect(row.Locator("td").Nth(8)).ToHaveTextAsync(item.GetProperty("explanation").GetString()!);
            Assert.Contains(item.GetProperty("person").GetString(), new[] { "Ana Console", "Ben Console" });
        }

        Assert.Equal(leads.Order(), api.GetProperty("leads").EnumerateArray().Select(i => i.GetProperty("leadId").GetString()!).Order());
        await ConsoleHostFixture.ScreenshotAsync(page, "routing-dry-run");

        // The policies in effect leave every lead to the CRM (the default), and the dry run wrote nothing on the leads.
        await page.FillAsync("#rt-candidate", "");
        await page.ClickAsync("#routing-form button[type=submit]");
        await Assertions.Expect(page.Locator("#rt-summary")).ToContainTextAsync("0 would get an owner from routing");
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
        await page.ClickAsync("#tabs button[data-tab=routing]");

        await page.FillAsync("#rt-candidate", """{"policies":[{"name":"x","mode":"teleport"}]}""");
        await page.ClickAsync("#routing-form button[type=submit]");
        await Assertions.Expect(page.Locator("#rt-errors li").First).ToContainTextAsync("teleport");
        await Assertions.Expect(page.Locator("#rt-table")).ToBeHiddenAsync();

        await page.FillAsync("#rt-candidate", """{"policies": [""");
        await page.ClickAsync("#routing-form button[type=submit]");
        await Assertions.Expect(page.Locator("#rt-errors li").First).ToContainTextAsync("not valid JSON");
        await ConsoleHostFixture.ScreenshotAsync(page, "routing-dry-run-errors");
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

    private async Task<JsonElement> DryRunAsync(string candidate, int last)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/admin/routing-policies/dry-run?last={last}", candidate, null);
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

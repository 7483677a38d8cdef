using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadSync.Testing;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// An admin reads the audit log in the console (what was done, by whom), finds a lead by its e-mail address and opens
/// it: who the lead is, its touches, and (with a CRM that has records in a user interface) the link to its record.
/// </summary>
public sealed class AuditAndLeadsConsoleTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    [Fact]
    public async Task The_audit_tab_lists_admin_actions_with_the_admin_and_filters_them()
    {
        // Two audited actions: a manual job run over the API and a quarantine replay from the console.
        using (var run = await AdminAsync(HttpMethod.Post, "api/admin/jobs/redrive/run"))
        {
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        using var delivery = StandardWebhookSigner.SignedPost(fixture.Host.Url("api/webhooks/generic"), ConsoleHostFixture.GenericSecret,
            """{"type":"lead.created","timestamp":"2026-11-23T10:00:00Z","data":{"firstName":"Nobody","company":"Audit Ltd"}}""");
        using var rejected = await fixture.Client.SendAsync(delivery);
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=quarantine]");
        var replay = page.Locator("#quarantine button[data-replay]").First;
        await replay.ClickAsync();
        await Assertions.Expect(replay).ToHaveTextAsync(new Regex("Replayed|Failed"));

        await page.ClickAsync("#tabs button[data-tab=audit]");
        var jobRow = page.Locator("#audit-table tbody tr[data-action='job.run']").First;
        await Assertions.Expect(jobRow).ToContainTextAsync("job redrive");
        await Assertions.Expect(jobRow.Locator("td.actor")).ToHaveTextAsync(AdminActor());
        await Assertions.Expect(jobRow.Locator("td.outcome")).ToContainTextAsync("200 OK");
        await Assertions.Expect(page.Locator("#audit-table tbody tr[data-action='quarantine.replay']").First).ToContainTextAsync("quarantine ");
        await ConsoleHostFixture.ScreenshotAsync(page, "audit-log");

        // Filtered by action, the rows are exactly what the API answers for the same filter.
        await page.SelectOptionAsync("#a-action", "job.run");
        await page.ClickAsync("#audit-filters button[type=submit]");
        await Assertions.Expect(page.Locator("#audit-table")).ToHaveAttributeAsync("data-query", new Regex("action=job.run"));
        using var api = await AdminAsync(HttpMethod.Get, "api/admin/audit?action=job.run&pageSize=50");
        var expected = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        await Assertions.Expect(page.Locator("#audit-table tbody tr")).ToHaveCountAsync(expected);
        await Assertions.Expect(page.Locator("#audit-table tbody tr:not([data-action='job.run'])")).ToHaveCountAsync(0);

        await page.FillAsync("#a-actor", "entra:nobody@example.com");
        await page.ClickAsync("#audit-filters button[type=submit]");
        await Assertions.Expect(page.Locator("#audit-empty")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_lead_is_found_by_its_e_mail_in_any_case_and_its_view_shows_who_it_is_and_its_touches()
    {
        using var delivery = StandardWebhookSigner.SignedPost(fixture.Host.Url("api/webhooks/generic"), ConsoleHostFixture.GenericSecret,
            """{"type":"lead.created","timestamp":"2026-11-23T10:00:00Z","data":{"email":"Katherine.Johnson@Orbits.example","firstName":"Katherine","lastName":"Johnson","company":"Orbital Mechanics"}}""");
        using var accepted = await fixture.Client.SendAsync(delivery);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var leadId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetString()!;

        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=leads]");
        await page.FillAsync("#f-email", "katherine.johnson@orbits.EXAMPLE");
        await page.ClickAsync("#lead-search button[type=submit]");

        var rows = page.Locator("#lead-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var row = page.Locator($"#lead-table tr[data-lead='{leadId}']");
        await Assertions.Expect(row.Locator("td.name")).ToHaveTextAsync("Katherine Johnson");
        await Assertions.Expect(row.Locator("td.email")).ToHaveTextAsync("katherine.johnson@orbits.example");
        await Assertions.Expect(row).ToContainTextAsync("Orbital Mechanics");
        await ConsoleHostFixture.ScreenshotAsync(page, "leads-search-by-email");

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#timeline-lead")).ToHaveTextAsync(leadId);
        await Assertions.Expect(page.Locator("#lead-facts")).ToContainTextAsync("Katherine Johnson");
        await Assertions.Expect(page.Locator("#lead-touches tbody tr[data-kind='marketing']").First).ToContainTextAsync("generic");
        // The sandbox CRM has no user interface: no record link.
        await Assertions.Expect(page.Locator("#lead-crm-link")).ToBeHiddenAsync();
        await ConsoleHostFixture.ScreenshotAsync(page, "lead-touches");

        // An address nobody used finds nothing; a malformed one is refused with the field named.
        await page.FillAsync("#f-email", "nobody@orbits.example");
        await page.ClickAsync("#lead-search button[type=submit]");
        await Assertions.Expect(page.Locator("#lead-empty")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { document.querySelector('#f-email').type = 'text'; }");
        await page.FillAsync("#f-email", "not-an-address");
        await page.ClickAsync("#lead-search button[type=submit]");
        await Assertions.Expect(page.Locator("#lead-errors li")).ToContainTextAsync("email");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_lead_in_a_crm_with_a_record_page_links_to_it()
    {
        var page = await fixture.Browser.NewPageAsync();
        const string LeadId = "ld_2ke4b8gzwqtt5gbp5pd0g8s4";
        await page.RouteAsync($"**/api/leads/{LeadId}", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = $$"""
                {"id":"{{LeadId}}","source":"generic","status":"Synced","receivedAt":"2026-11-23T10:00:00Z","contact":{"email":"ada@example.com","firstName":"Ada"},
                 "crmId":"101","crmUrl":"https://app.hubspot.com/contacts/4242/record/0-1/101",
                 "touches":[{"at":"2026-11-23T10:00:00Z","kind":"marketing","source":"generic","campaign":null,"detail":"Marketing touch.","inCrm":true},
                            {"at":"2026-11-23T11:00:00Z","kind":"sales","source":"hubspot","campaign":null,"detail":"First call.","inCrm":null}],
                 "timeline":[]}
                """,
        }));
        await fixture.SignInAsync(page);
        await page.ClickAsync("#tabs button[data-tab=leads]");
        await page.EvaluateAsync($"() => openLead('{LeadId}')");

        await Assertions.Expect(page.Locator("#lead-crm-url")).ToHaveAttributeAsync("href", "https://app.hubspot.com/contacts/4242/record/0-1/101");
        await Assertions.Expect(page.Locator("#lead-touches tbody tr[data-kind='marketing']")).ToContainTextAsync("written");
        await Assertions.Expect(page.Locator("#lead-touches tbody tr[data-kind='sales']")).ToContainTextAsync("First call.");
        await page.CloseAsync();
    }

    /// <summary>How the gate names the host's admin key: <c>key:</c> and the first 12 hex of its hash.</summary>
    private string AdminActor() =>
        "key:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fixture.Host.AdminKey)))[..12];

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, fixture.Host.Url(path));
        request.Headers.Add("X-LeadSync-Admin-Key", fixture.Host.AdminKey);
        return await fixture.Client.SendAsync(request);
    }
}

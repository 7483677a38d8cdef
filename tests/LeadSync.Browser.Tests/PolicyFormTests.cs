using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// The policy forms against a real host of their own (a fresh one, as eng/run starts it): the effective policy with
/// where each value comes from, edits saved as versions the API returns, the server validators' messages next to
/// their fields, and the JSON view for power users.
/// </summary>
public sealed class PolicyFormTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    [Fact]
    public async Task The_sla_form_shows_the_three_default_rungs_of_a_fresh_host_and_an_edited_rung_is_saved_as_a_new_version()
    {
        var page = await OpenPoliciesAsync();
        var form = page.Locator("#policy-form");

        // The ladder that runs on a fresh host: nothing set, so the code's three rungs (not "levels": []).
        await Assertions.Expect(form.Locator("[data-path='levels'] .pf-item")).ToHaveCountAsync(3);
        await Assertions.Expect(Field(page, "levels[0].recipient", "select")).ToHaveValueAsync("owner");
        await Assertions.Expect(Field(page, "levels[0].after", "input")).ToHaveValueAsync("0:00");
        await Assertions.Expect(Field(page, "levels[1].recipient", "select")).ToHaveValueAsync("manager");
        await Assertions.Expect(Field(page, "levels[1].after", "input")).ToHaveValueAsync("0:30");
        await Assertions.Expect(Field(page, "levels[2].recipient", "select")).ToHaveValueAsync("team");
        await Assertions.Expect(Field(page, "levels[2].after", "input")).ToHaveValueAsync("2:00");
        await Assertions.Expect(form.Locator("[data-source-for='levels']")).ToHaveTextAsync("default");
        await Assertions.Expect(form.Locator("[data-source-for='firstTouch']")).ToHaveTextAsync("default");
        await Assertions.Expect(page.Locator("#pf-summary")).ToContainTextAsync("version 0");
        await ScreenshotAsync(page, "policy-form-sla-effective");

        // Edit the manager's rung: 45 minutes instead of 30, and let the team rung reassign.
        await Field(page, "levels[1].after", "input").FillAsync("0:45");
        await Field(page, "levels[2].action", "select").SelectOptionAsync("reassign");
        await page.ClickAsync("#save");

        await Assertions.Expect(page.Locator("#policy-status")).ToContainTextAsync("Saved as version");
        var (etag, document) = await ReadAsync("sla-policies");
        Assert.NotEqual("\"0\"", etag);
        var levels = document["levels"]!.AsArray();
        Assert.Equal(3, levels.Count);
        Assert.Equal("00:45:00", (string?)levels[1]!["after"]);
        Assert.Equal("manager", (string?)levels[1]!["recipient"]);
        Assert.Equal("reassign", (string?)levels[2]!["action"]);
        var version = etag.Trim('"');
        await Assertions.Expect(form.Locator("[data-source-for='levels']")).ToHaveTextAsync($"stored v{version}");
        await Assertions.Expect(page.Locator("#pf-summary")).ToContainTextAsync($"version {version}");
        await Assertions.Expect(Field(page, "levels[1].after", "input")).ToHaveValueAsync("0:45");
        await ScreenshotAsync(page, "policy-form-sla-saved");

        // A second edit, then compare the two versions and roll back to the first.
        await Field(page, "levels[2].after", "input").FillAsync("3:00");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#policy-status")).ToContainTextAsync("Saved as version");
        await Assertions.Expect(page.Locator("#pf-from option")).ToHaveCountAsync(2);
        await page.SelectOptionAsync("#pf-from", version);
        await page.ClickAsync("#pf-compare");
        await Assertions.Expect(page.Locator("#pf-diff table")).ToContainTextAsync("levels[2].after");
        await page.ClickAsync("#pf-rollback");
        await Assertions.Expect(page.Locator("#policy-status")).ToContainTextAsync($"Rolled back to version {version}");
        await Assertions.Expect(Field(page, "levels[2].after", "input")).ToHaveValueAsync("2:00");
        var (_, rolledBack) = await ReadAsync("sla-policies");
        Assert.Equal("02:00:00", (string?)rolledBack["levels"]![2]!["after"]);
        await ScreenshotAsync(page, "policy-form-sla-rolled-back");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Invalid_values_show_the_validators_messages_next_to_their_fields_and_save_nothing()
    {
        var page = await OpenPoliciesAsync();
        var (before, _) = await ReadAsync("sla-policies");

        await Field(page, "levels[2].after", "input").FillAsync("0:10");
        await page.FillAsync("[data-new-key='calendars']", "emea");
        await page.ClickAsync("[data-add='calendars']");
        await Field(page, "calendars.emea.timeZone", "input").FillAsync("Mars/Olympus");
        await page.FillAsync("[data-path='calendars.emea.hours'] tr[data-day='Monday'] input", "9 to 5");
        await page.ClickAsync("#save");

        await Assertions.Expect(Error(page, "levels[2].after")).ToContainTextAsync("After must be later than level 1");
        await Assertions.Expect(Error(page, "calendars.emea.timeZone")).ToContainTextAsync("IANA");
        await Assertions.Expect(Error(page, "calendars.emea.hours.Monday")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#policy-form [data-path='levels[2].after']")).ToHaveClassAsync(new Regex("invalid"));
        await ScreenshotAsync(page, "policy-form-sla-invalid");
        var (after, _) = await ReadAsync("sla-policies");
        Assert.Equal(before, after);

        // A duration the form cannot read goes to the server as typed: its reader's message lands on the field.
        await page.ClickAsync("#reload");
        await Assertions.Expect(page.Locator("#policy-form [data-path='calendars.emea']")).ToHaveCountAsync(0);
        await Field(page, "firstTouch", "input").FillAsync("soon");
        await page.ClickAsync("#save");
        await Assertions.Expect(Error(page, "firstTouch")).ToContainTextAsync("hh:mm:ss");

        // The qualification form: a negative score threshold is refused next to its field.
        await page.SelectOptionAsync("#resource", "qualification");
        await Field(page, "minimumScore", "input").FillAsync("-5");
        await page.ClickAsync("#save");
        await Assertions.Expect(Error(page, "minimumScore")).Not.ToBeEmptyAsync();
        await ScreenshotAsync(page, "policy-form-qualification-invalid");
        var (qualification, _) = await ReadAsync("qualification");
        Assert.Equal("\"0\"", qualification);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Messages_appear_next_to_a_field_while_it_is_edited_and_go_when_it_is_fixed()
    {
        var page = await OpenPoliciesAsync();
        var (before, _) = await ReadAsync("sla-policies");

        await Field(page, "levels[1].after", "input").FillAsync("3:00");

        await Assertions.Expect(Error(page, "levels[2].after")).ToContainTextAsync("After must be later than level 1");
        await Assertions.Expect(page.Locator("#pf-check")).ToContainTextAsync("Not valid yet");
        await Field(page, "levels[2].after", "input").FillAsync("4:00");
        await Assertions.Expect(Error(page, "levels[2].after")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#pf-check")).ToContainTextAsync("not saved yet: changes levels");
        var (after, _) = await ReadAsync("sla-policies");
        Assert.Equal(before, after);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_json_view_round_trips_with_the_form()
    {
        var page = await OpenPoliciesAsync();
        var (_, served) = await ReadAsync("sla-policies");

        // Form → JSON without edits: the document the API serves.
        await page.ClickAsync("#pf-view-json");
        await Assertions.Expect(page.Locator("#editor")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#policy-form")).ToBeHiddenAsync();
        Assert.True(JsonNode.DeepEquals(served, JsonNode.Parse(await page.InputValueAsync("#editor"))));

        // JSON → form: an edit made as JSON shows in the form's fields.
        var edited = served.DeepClone().AsObject();
        edited["firstTouch"] = "00:20:00";
        edited["calendars"] = JsonNode.Parse("""{"apac":{"timeZone":"Asia/Singapore","hours":{"Monday":"09:00-18:00"},"holidays":["2027-01-01"],"alwaysOpen":false}}""");
        await page.FillAsync("#editor", edited.ToJsonString());
        await page.ClickAsync("#pf-view-form");
        await Assertions.Expect(page.Locator("#editor")).ToBeHiddenAsync();
        await Assertions.Expect(Field(page, "firstTouch", "input")).ToHaveValueAsync("0:20");
        await Assertions.Expect(Field(page, "calendars.apac.timeZone", "input")).ToHaveValueAsync("Asia/Singapore");
        await Assertions.Expect(page.Locator("[data-path='calendars.apac.hours'] tr[data-day='Monday'] input")).ToHaveValueAsync("09:00-18:00");
        await Assertions.Expect(page.Locator("[data-path='calendars.apac.holidays[0]'] input")).ToHaveValueAsync("2027-01-01");

        // Form → JSON: the form's own edits join the JSON edit (a week-grid day, a tier on the new calendar with a
        // cadence checkpoint), nothing else changes.
        await page.FillAsync("[data-path='calendars.apac.hours'] tr[data-day='Tuesday'] input", "10:00-16:00");
        await page.ClickAsync("[data-add='policies']");
        await Field(page, "policies[0].name", "input").FillAsync("hot");
        await Field(page, "policies[0].calendar", "select").SelectOptionAsync("apac");
        await page.ClickAsync("[data-add='policies[0].cadence']");
        await Field(page, "policies[0].cadence[0].by", "input").FillAsync("2d");
        await ScreenshotAsync(page, "policy-form-calendar-week");
        await page.ClickAsync("#pf-view-json");
        var roundTripped = JsonNode.Parse(await page.InputValueAsync("#editor"))!;
        edited["calendars"]!["apac"]!["hours"]!["Tuesday"] = "10:00-16:00";
        edited["policies"] = JsonNode.Parse("""
            [{"name":"hot","match":{"sources":[],"minScore":null,"maxScore":null,"countries":[]},"firstTouch":null,"calendar":"apac",
              "followUp":{"attempts":0,"window":"00:00:00"},"cadence":[{"attempts":1,"by":"2.00:00:00"}],"levels":[]}]
            """);
        Assert.True(JsonNode.DeepEquals(edited, roundTripped), roundTripped.ToJsonString());

        // Not valid JSON stays in the JSON view with the parser's message.
        await page.FillAsync("#editor", "{ \"firstTouch\": ");
        await page.ClickAsync("#pf-view-form");
        await Assertions.Expect(page.Locator("#policy-errors li[data-field='$']")).ToContainTextAsync("Not valid JSON");
        await Assertions.Expect(page.Locator("#editor")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Each_policy_resource_has_a_form_with_its_value_sources()
    {
        var page = await OpenPoliciesAsync();

        await page.SelectOptionAsync("#resource", "recycle");
        await Assertions.Expect(Field(page, "cooldown", "input")).ToHaveValueAsync("30d");
        await Assertions.Expect(page.Locator("#policy-form [data-source-for='cooldown']")).ToHaveTextAsync("default");
        await Field(page, "maxRecycles", "input").FillAsync("2");
        await Field(page, "cooldown", "input").FillAsync("10d");
        await Field(page, "targets.sla-missed", "input").FillAsync("list-sla");
        await Field(page, "targets.no-progress", "input").FillAsync("list-stale");
        await Field(page, "targets.no-progress", "input").FillAsync(""); // cleared: no key, the default target applies
        await Field(page, "defaultTarget", "input").FillAsync("list-default");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#policy-status")).ToContainTextAsync("Saved as version");
        var (recycleVersion, recycle) = await ReadAsync("recycle");
        Assert.Equal(2, (int?)recycle["maxRecycles"]);
        Assert.Equal("10.00:00:00", (string?)recycle["cooldown"]);
        Assert.Equal("list-default", (string?)recycle["defaultTarget"]);
        Assert.Equal("""{"sla-missed":"list-sla"}""", recycle["targets"]!.ToJsonString());
        await Assertions.Expect(page.Locator("#policy-form [data-source-for='cooldown']")).ToHaveTextAsync($"stored v{recycleVersion.Trim('"')}");

        await page.SelectOptionAsync("#resource", "qualification");
        await Assertions.Expect(Field(page, "mode", "select")).ToHaveValueAsync("All");
        await Assertions.Expect(page.Locator("#policy-form [data-path='requiredFields'] input[type=checkbox]")).ToHaveCountAsync(12);

        await page.SelectOptionAsync("#resource", "routing-policies");
        await Assertions.Expect(Field(page, "regionField", "input")).ToHaveValueAsync("state");
        await page.ClickAsync("[data-add='policies']");
        await Assertions.Expect(Field(page, "policies[0].mode", "select")).ToHaveValueAsync("route");

        await page.SelectOptionAsync("#resource", "people");
        await page.FillAsync("[data-new-key='people']", "ada");
        await page.ClickAsync("[data-add='people']");
        await Field(page, "people.ada.name", "input").FillAsync("Ada Lovelace");
        await Field(page, "people.ada.email", "input").FillAsync("ada@example.com");
        await Field(page, "people.ada.maxOpenLeads", "input").FillAsync("25");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#policy-status")).ToContainTextAsync("Saved as version");
        var (_, people) = await ReadAsync("people");
        Assert.Equal("ada@example.com", (string?)people["people"]!["ada"]!["email"]);
        Assert.Equal(25, (int?)people["people"]!["ada"]!["maxOpenLeads"]);
        await ScreenshotAsync(page, "policy-form-people");

        await page.SelectOptionAsync("#resource", "connections");
        await Assertions.Expect(page.Locator("#editor")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pf-view-form")).ToBeDisabledAsync();
        await page.CloseAsync();
    }

    /// <summary>Saved next to the test results, like the report views' (<see cref="ReportConsoleFixture.ScreenshotDir"/>).</summary>
    private static Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ReportConsoleFixture.ScreenshotDir);
        return ReportConsoleFixture.ScreenshotAsync(page, name);
    }

    private async Task<IPage> OpenPoliciesAsync()
    {
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=policies]");
        await Assertions.Expect(page.Locator("#policy-form [data-resource='sla-policies']")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Field(IPage page, string path, string control) => page.Locator($"#policy-form [data-path='{path}'] > {control}");

    private static ILocator Error(IPage page, string path) => page.Locator($"#policy-form [data-path='{path}'] > .pf-error");

    private async Task<(string ETag, JsonObject Document)> ReadAsync(string resource)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Host.Url($"api/admin/config/{resource}"));
        request.Headers.Add("X-LeadSync-Admin-Key", fixture.Host.AdminKey);
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag!.Tag, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}

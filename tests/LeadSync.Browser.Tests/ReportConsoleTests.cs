using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace LeadSync.Browser.Tests;

/// <summary>
/// The Reports and Scorecard views against seeded report-index rows: every figure on screen is checked against the
/// report API for the same query (display rounding aside), the charts are drawn with their table views, the CSV is the
/// table as shown. Screenshots of each view are saved next to the test results.
/// </summary>
public sealed class ReportConsoleTests(ReportConsoleFixture fixture) : IClassFixture<ReportConsoleFixture>
{
    private static readonly string From = ReportConsoleFixture.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string To = ReportConsoleFixture.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("source")]
    [InlineData("campaign")]
    [InlineData("owner")]
    [InlineData("team")]
    [InlineData("week")]
    public async Task Each_grouping_shows_the_figures_of_the_report_api(string groupBy)
    {
        var page = await OpenReportsAsync();
        await page.SelectOptionAsync("#r-group", groupBy);
        var query = await ApplyAsync(page, "#report-table", $"from={From}&to={To}&groupBy={groupBy}");

        var api = await ReportAsync(query);
        var groups = api.GetProperty("groups").EnumerateArray().ToList();
        Assert.True(groups.Count >= (groupBy == "team" ? 1 : 3), $"{groupBy}: {groups.Count} groups");
        await AssertTableMatchesAsync(page.Locator("#report-table"), groups, api.GetProperty("total"));
        await ReportConsoleFixture.ScreenshotAsync(page, $"report-by-{groupBy}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_slow_answer_to_the_tabs_default_range_never_replaces_the_figures_of_a_query_applied_after_it()
    {
        var page = await fixture.SignedInPageAsync();
        var lateAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => url.Contains("/api/admin/reports/funnel?", StringComparison.Ordinal), async route =>
        {
            if (!route.Request.Url.Contains($"from={From}", StringComparison.Ordinal))
            {
                // The tab's default range (as when its first report builds day rollups) answers late.
                await Task.Delay(TimeSpan.FromSeconds(2));
                await route.ContinueAsync();
                lateAnswer.TrySetResult();
                return;
            }

            await route.ContinueAsync();
        });

        await page.ClickAsync("#tabs button[data-tab=reports]");
        await page.FillAsync("#r-from", From);
        await page.FillAsync("#r-to", To);
        var applied = await ApplyAsync(page, "#report-table", $"from={From}&to={To}&groupBy=source");
        await lateAnswer.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for the old behaviour: the late query's weekly read and its drawing

        Assert.Equal(applied, await page.Locator("#report-table").GetAttributeAsync("data-query"));
        await Assertions.Expect(page.Locator("#report-note")).ToContainTextAsync($"{From} – {To}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Filters_and_the_test_lead_switch_narrow_the_figures_as_the_api_does()
    {
        var page = await OpenReportsAsync();
        await page.FillAsync("#r-source", "linkedin");
        await page.FillAsync("#r-owner", "ana@example.com");
        var withoutTest = await ApplyAsync(page, "#report-table", $"from={From}&to={To}&groupBy=source&source=linkedin&owner=ana%40example.com");
        var excluded = await ReportAsync(withoutTest);
        await AssertTableMatchesAsync(page.Locator("#report-table"), [.. excluded.GetProperty("groups").EnumerateArray()], excluded.GetProperty("total"));

        await page.FillAsync("#r-owner", string.Empty);
        await page.CheckAsync("#r-test");
        var withTest = await ApplyAsync(page, "#report-table", $"from={From}&to={To}&groupBy=source&source=linkedin&includeTest=true");
        var included = await ReportAsync(withTest);
        await AssertTableMatchesAsync(page.Locator("#report-table"), [.. included.GetProperty("groups").EnumerateArray()], included.GetProperty("total"));
        await Assertions.Expect(page.Locator("#report-note")).ToContainTextAsync("test leads included");

        // The seeded test lead n = 4 is a linkedin lead: counted only with the switch on.
        var plain = await ReportAsync($"from={From}&to={To}&groupBy=source&source=linkedin");
        Assert.Equal(plain.GetProperty("total").GetProperty("received").GetInt32() + 1, included.GetProperty("total").GetProperty("received").GetInt32());
        await ReportConsoleFixture.ScreenshotAsync(page, "report-filtered");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_charts_are_drawn_and_their_table_views_hold_the_api_figures()
    {
        var page = await OpenReportsAsync();
        await ApplyAsync(page, "#report-table", $"from={From}&to={To}&groupBy=source");
        var weekly = await ReportAsync($"from={From}&to={To}&groupBy=week");
        var weeks = weekly.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(4, weeks.Count);

        foreach (var id in new[] { "chart-weekly", "chart-sla", "chart-latency" })
        {
            var drawn = await page.EvalOnSelectorAsync<bool>($"#{id} canvas", "c => c.width > 0 && c.height > 0 && window.Chart.getChart(c) !== undefined");
            Assert.True(drawn, id);
            await page.ClickAsync($"#{id} summary");
        }

        var weeklyRows = page.Locator("#chart-weekly details tbody tr");
        await Assertions.Expect(weeklyRows).ToHaveCountAsync(weeks.Count);
        for (var w = 0; w < weeks.Count; w++)
        {
            var cells = await weeklyRows.Nth(w).Locator("td").AllTextContentsAsync();
            Assert.Equal(weeks[w].GetProperty("key").GetString(), cells[0]);
            Assert.Equal(weeks[w].GetProperty("received").GetInt32(), int.Parse(cells[^1], CultureInfo.InvariantCulture));
            Assert.Equal(weeks[w].GetProperty("received").GetInt32(), cells.Skip(1).SkipLast(1).Sum(c => int.Parse(c, CultureInfo.InvariantCulture)));
            Assert.Equal(weeks[w].GetProperty("converted").GetInt32(), int.Parse(cells[4], CultureInfo.InvariantCulture));

            var sla = await page.Locator("#chart-sla details tbody tr").Nth(w).Locator("td").AllTextContentsAsync();
            Assert.Equal(weeks[w].GetProperty("slaMet").GetInt32(), int.Parse(sla[1], CultureInfo.InvariantCulture));
            Assert.Equal(weeks[w].GetProperty("slaMissed").GetInt32(), int.Parse(sla[2], CultureInfo.InvariantCulture));
            AssertShown(Number(weeks[w].GetProperty("slaMetPercent")), sla[3], 0.05, "SLA %");
        }

        var report = await ReportAsync($"from={From}&to={To}&groupBy=source");
        var buckets = report.GetProperty("firstTouchDistribution").EnumerateArray().ToList();
        var latencyRows = page.Locator("#chart-latency details tbody tr");
        await Assertions.Expect(latencyRows).ToHaveCountAsync(buckets.Count);
        for (var b = 0; b < buckets.Count; b++)
        {
            var cells = await latencyRows.Nth(b).Locator("td").AllTextContentsAsync();
            Assert.Equal([buckets[b].GetProperty("label").GetString()!, buckets[b].GetProperty("elapsed").GetInt32().ToString(CultureInfo.InvariantCulture), buckets[b].GetProperty("business").GetInt32().ToString(CultureInfo.InvariantCulture)], cells);
        }

        Assert.Equal(report.GetProperty("total").GetProperty("contacted").GetInt32(), buckets.Sum(b => b.GetProperty("elapsed").GetInt32()));
        await ReportConsoleFixture.ScreenshotAsync(page, "report-charts");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_csv_download_is_the_table_exactly_as_shown()
    {
        var page = await OpenReportsAsync();
        await page.SelectOptionAsync("#r-group", "owner");
        await ApplyAsync(page, "#report-table", $"from={From}&to={To}&groupBy=owner");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#r-csv"));
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);

        var shown = await page.EvalOnSelectorAsync<string[][]>("#report-table", "t => [...t.rows].map(r => [...r.cells].map(c => c.textContent))");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(shown.Length, lines.Length);
        for (var i = 0; i < shown.Length; i++)
        {
            Assert.Equal(string.Join(',', shown[i]), lines[i]);
        }

        Assert.StartsWith("owner,Received,Sales-ready,Synced,Contacted,Converted,Recycled,Dropped,SLA met %", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ana@example.com,", StringComparison.Ordinal));
        Assert.StartsWith("All,", lines[^1], StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_scorecard_shows_each_reps_figures_from_the_report_api()
    {
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=scorecard]");
        await page.FillAsync("#s-from", From);
        await page.FillAsync("#s-to", To);
        var query = await ApplyAsync(page, "#scorecard-table", $"from={From}&to={To}&groupBy=owner");

        var api = await ReportAsync(query);
        var groups = api.GetProperty("groups").EnumerateArray().ToList();
        Assert.Contains(groups, g => g.GetProperty("key").GetString() == "ben@example.com");
        await AssertTableMatchesAsync(page.Locator("#scorecard-table"), groups, api.GetProperty("total"));
        var headers = await page.Locator("#scorecard-table thead th").AllTextContentsAsync();
        Assert.Equal(["Rep", "Leads", "SLA met %", "Median first touch business", "Median first touch elapsed", "Attempts", "Attempts per lead", "Conversions", "Recycles"], headers);
        await ReportConsoleFixture.ScreenshotAsync(page, "scorecard");
        await page.CloseAsync();
    }

    private async Task<IPage> OpenReportsAsync()
    {
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("#tabs button[data-tab=reports]");
        await page.FillAsync("#r-from", From);
        await page.FillAsync("#r-to", To);
        return page;
    }

    /// <summary>Submits the view's filters and waits until the table shows <paramref name="expectedQuery"/>; returns it.</summary>
    private static async Task<string> ApplyAsync(IPage page, string table, string expectedQuery)
    {
        await page.ClickAsync($"{table.Replace("-table", "-filters", StringComparison.Ordinal)} button[type=submit]");
        await Assertions.Expect(page.Locator(table)).ToHaveAttributeAsync("data-query", expectedQuery);
        return expectedQuery;
    }

    private async Task<JsonElement> ReportAsync(string query) =>
        JsonDocument.Parse(await fixture.GetAsync($"api/admin/reports/funnel?{query}")).RootElement;

    /// <summary>Every row (by key) and every figure cell (by data-col) equals the API's figure, within display rounding.</summary>
    private static async Task AssertTableMatchesAsync(ILocator table, IReadOnlyList<JsonElement> groups, JsonElement total)
    {
        var rows = table.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            await AssertRowAsync(rows.Nth(i), groups[i], groups[i].GetProperty("key").GetString()!);
        }

        if (groups.Count > 1)
        {
            await AssertRowAsync(table.Locator("tfoot tr"), total, "All");
        }
    }

    private static async Task AssertRowAsync(ILocator row, JsonElement group, string key)
    {
        Assert.Equal(key, await row.Locator("[data-col=key]").TextContentAsync());
        var cells = await row.Locator("td[data-col]:not([data-col=key])").EvaluateAllAsync<string[][]>("cs => cs.map(c => [c.dataset.col, c.textContent])");
        Assert.NotEmpty(cells);
        foreach (var cell in cells)
        {
            var (expected, tolerance) = Expected(group, cell[0]);
            AssertShown(expected, cell[1], tolerance, $"{key} {cell[0]}");
        }
    }

    private static void AssertShown(double? expected, string shown, double tolerance, string what)
    {
        if (expected is null)
        {
            Assert.True(shown == "—", $"{what}: expected no value, shown {shown}");
            return;
        }

        var value = double.Parse(shown, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(value - expected.Value) <= tolerance, $"{what}: API {expected}, shown {shown}");
    }

    /// <summary>The API figure behind a column, in the unit the console shows (minutes for times), and the display rounding.</summary>
    private static (double? Value, double Tolerance) Expected(JsonElement g, string column) => column switch
    {
        "ttftBusinessP50" => (Minutes(g, "businessTimeToFirstTouch", "medianSeconds"), 0.051),
        "ttftBusinessP90" => (Minutes(g, "businessTimeToFirstTouch", "p90Seconds"), 0.051),
        "ttftP50" => (Minutes(g, "timeToFirstTouch", "medianSeconds"), 0.051),
        "ttftP90" => (Minutes(g, "timeToFirstTouch", "p90Seconds"), 0.051),
        "systemP50" => (Minutes(g, "systemLatency", "medianSeconds"), 0.051),
        "systemP90" => (Minutes(g, "systemLatency", "p90Seconds"), 0.051),
        "humanP50" => (Minutes(g, "humanLatency", "medianSeconds"), 0.051),
        "humanP90" => (Minutes(g, "humanLatency", "p90Seconds"), 0.051),
        "slaMetPercent" => (Number(g.GetProperty("slaMetPercent")), 0.051),
        "attemptsPerLead" => (Number(g.GetProperty("attemptsPerLead")), 0.0051),
        _ => (Number(g.GetProperty(column)), 0),
    };

    private static double? Minutes(JsonElement g, string stats, string figure) => Number(g.GetProperty(stats).GetProperty(figure)) / 60;

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
}

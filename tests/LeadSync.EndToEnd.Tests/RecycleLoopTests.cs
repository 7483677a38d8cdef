using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>The closed loop over HTTP on the portable host: recycle to nurture, re-engagement, and the report back.</summary>
[Collection(ThinPathCollection.Name)]
public sealed class RecycleLoopTests(ThinPathHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpRequestMessage Report(string query, string? accept = null, bool admin = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _host.Url("api/admin/reports/funnel" + query));
        if (admin)
        {
            request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        }

        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        return request;
    }

    [Fact]
    public async Task An_untouched_lead_is_recycled_for_a_missed_sla_and_a_new_submission_re_engages_it()
    {
        var email = $"loop-{Guid.NewGuid():N}@example.com";
        var (_, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson(email));
        var leadId = body.GetProperty("leadId").GetString()!;

        var recycled = await LeadApi.WaitForLeadAsync(_client, _host, leadId,
            l => LeadApi.Status(l) == "Recycled" && LeadApi.Events(l).Contains("marketing.nurture-pushed"), Patience);
        Assert.Equal("Recycled", LeadApi.Status(recycled));
        Assert.Equal("sla-missed", recycled.GetProperty("recycleReason").GetString());

        // While it is recycled, the report counts it under its reason ("ended recycled", README "Report definitions").
        // The report row follows the lead's own write within the group commit of index rows (README "Storage requests per lead").
        var whileRecycled = await WaitForSourceGroupAsync("generic",
            g => g.GetProperty("recycledByReason").TryGetProperty("sla-missed", out var slaMissed) && slaMissed.GetInt32() >= 1);
        Assert.True(whileRecycled.GetProperty("recycledByReason").GetProperty("sla-missed").GetInt32() >= 1, whileRecycled.ToString());

        // The 202 names the id a new lead would get; filing (moments later) finds the address's recycled lead and
        // files the submission there instead.
        var (again, _) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson(email));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);

        var engaged = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => l.GetProperty("reEngagedCount").GetInt32() == 1 && LeadApi.Status(l) != "SalesReady", Patience);
        Assert.Equal(1, engaged.GetProperty("recycleCount").GetInt32());
        Assert.Contains("lead.re-engaged", LeadApi.Events(engaged));
        Assert.Equal(2, LeadApi.Events(engaged).Count(e => e == "crm.synced"));

        // Re-engaged and synced again, its one report row shows where it is now: re-engaged, no longer recycled.
        var afterReEngaging = await WaitForSourceGroupAsync("generic", g => g.GetProperty("byStatus").GetProperty("Synced").GetInt32() >= 1);
        Assert.True(afterReEngaging.GetProperty("reEngaged").GetInt32() >= 1, afterReEngaging.ToString());
        Assert.True(afterReEngaging.GetProperty("byStatus").GetProperty("Synced").GetInt32() >= 1, afterReEngaging.ToString());
    }

    /// <summary>The source's group once it satisfies <paramref name="done"/>, or as it is after a few seconds (the caller asserts).</summary>
    private async Task<JsonElement> WaitForSourceGroupAsync(string source, Func<JsonElement, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        var group = await SourceGroupAsync(source);
        while (!done(group) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
            group = await SourceGroupAsync(source);
        }

        return group;
    }

    private async Task<JsonElement> SourceGroupAsync(string source)
    {
        using var request = Report($"?from={Today}&to={Today}&groupBy=source");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        return report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == source);
    }

    [Fact]
    public async Task The_report_is_served_as_csv_when_asked()
    {
        using var request = Report($"?from={Today}&to={Today}", "text/csv");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("source,received,sales_ready,synced,", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_report_parameters_are_a_problem_with_field_errors()
    {
        using var request = Report("?from=23-11-2026&groupBy=region");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("to", out _));
        Assert.True(errors.TryGetProperty("groupBy", out _));
    }

    [Fact]
    public async Task The_report_needs_an_admin_identity()
    {
        using var request = Report($"?from={Today}&to={Today}", admin: false);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

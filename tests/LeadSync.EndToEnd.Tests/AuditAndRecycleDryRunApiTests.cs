using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// The audit log and the recycle dry run over HTTP against real storage (Azurite) on the portable host: each audited
/// admin action (a replay, a manual job run, a configuration change, an erasure) shows up in <c>GET /api/admin/audit</c>
/// with the admin who did it; the dry run judges stored leads without changing them.
/// </summary>
[Collection(ThinPathCollection.Name)]
public sealed class AuditAndRecycleDryRunApiTests(ThinPathHostFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Fact]
    public async Task A_replay_a_job_run_a_config_change_and_an_erasure_are_each_recorded_with_the_admin()
    {
        // A replay: a delivery quarantined for lacking any contact channel, replayed (it is still refused).
        using var unusable = StandardWebhookSigner.SignedPost(_host.Url("api/webhooks/generic"), ThinPathHostFixture.GenericSecret,
            """{"type":"lead.created","data":{"firstName":"Nobody"}}""");
        using var quarantined = await _client.SendAsync(unusable);
        var quarantineId = (await quarantined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("quarantineId")[0].GetString()!;
        using var replay = await SendAsync(HttpMethod.Post, $"api/admin/quarantine/{quarantineId}/replay");

        // A manual job run.
        using var job = await SendAsync(HttpMethod.Post, "api/admin/jobs/redrive/run");
        Assert.Equal(HttpStatusCode.OK, job.StatusCode);

        // A configuration change.
        using var directory = await SendAsync(HttpMethod.Get, "api/admin/config/directory");
        using var change = await SendAsync(HttpMethod.Put, "api/admin/config/directory", """{"owners":{"audit-owner":{"manager":"grace"}}}""", directory.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        // An erasure of a lead of its own.
        var (accepted, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("erase.me@audit.example"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        accepted.Dispose();
        var leadId = body.GetProperty("leadId").GetString()!;
        await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) != "Received", TimeSpan.FromSeconds(30));
        using var erasure = await SendAsync(HttpMethod.Post, "api/admin/erasure", """{"email":"Erase.Me@audit.example"}""");
        Assert.Equal(HttpStatusCode.OK, erasure.StatusCode);

        var replayEntry = await NewestAsync("quarantine.replay", e => e.GetProperty("target").GetString()!.Contains(quarantineId, StringComparison.Ordinal));
        Assert.Equal(AdminActor(), replayEntry.GetProperty("actor").GetString());
        Assert.StartsWith(((int)replay.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), replayEntry.GetProperty("outcome").GetString(), StringComparison.Ordinal);

        var jobEntry = await NewestAsync("job.run", e => e.GetProperty("target").GetString() == "job redrive");
        Assert.Equal(AdminActor(), jobEntry.GetProperty("actor").GetString());
        Assert.Equal("completed", jobEntry.GetProperty("status").GetString());
        Assert.StartsWith("200 OK: ", jobEntry.GetProperty("outcome").GetString(), StringComparison.Ordinal);

        var configEntry = await NewestAsync("config.change", e => e.GetProperty("target").GetString() == "config directory");
        Assert.Equal(AdminActor(), configEntry.GetProperty("actor").GetString());
        Assert.Contains("version", configEntry.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Contains("owners", configEntry.GetProperty("outcome").GetString(), StringComparison.Ordinal);

        var erasureEntry = await NewestAsync("erasure", e => e.GetProperty("target").GetString()!.Contains(leadId, StringComparison.Ordinal));
        Assert.Equal(AdminActor(), erasureEntry.GetProperty("actor").GetString());
        var erasureText = erasureEntry.GetRawText();
        Assert.DoesNotContain("erase.me", erasureText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("audit.example", erasureText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_filters_by_actor_and_time_and_refuses_bad_filters()
    {
        for (var i = 0; i < 3; i++)
        {
            using var run = await SendAsync(HttpMethod.Post, "api/admin/jobs/redrive/run");
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        }

        using var first = await SendAsync(HttpMethod.Get, "api/admin/audit?action=job.run&pageSize=2&actor=" + Uri.EscapeDataString(AdminActor()));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.Content.ReadFromJsonAsync<JsonElement>();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.True(items[0].GetProperty("at").GetDateTimeOffset() >= items[1].GetProperty("at").GetDateTimeOffset());
        var token = page.GetProperty("continuationToken").GetString()!;
        using var second = await SendAsync(HttpMethod.Get, "api/admin/audit?action=job.run&pageSize=2&continuationToken=" + Uri.EscapeDataString(token));
        var next = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(next);
        Assert.DoesNotContain(next, e => items.Any(i => i.GetProperty("id").GetString() == e.GetProperty("id").GetString()));
        Assert.True(items[1].GetProperty("at").GetDateTimeOffset() >= next[0].GetProperty("at").GetDateTimeOffset());

        using var nobody = await SendAsync(HttpMethod.Get, "api/admin/audit?actor=key:000000000000");
        Assert.Empty((await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
        using var future = await SendAsync(HttpMethod.Get, "api/admin/audit?from=2999-01-01T00:00:00Z");
        Assert.Empty((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());

        foreach (var bad in new[] { "action=delete-everything", "from=yesterday", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "pageSize=0", "continuationToken=' or 1 eq 1" })
        {
            using var refused = await SendAsync(HttpMethod.Get, "api/admin/audit?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task A_recycle_dry_run_shows_which_leads_would_be_recycled_with_reason_and_target_and_changes_nothing()
    {
        var (accepted, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson("stale@recycle-dry-run.example"));
        accepted.Dispose();
        var leadId = body.GetProperty("leadId").GetString()!;
        var synced = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => LeadApi.Status(l) is "Synced" or "Contacted", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        using var asIs = await SendAsync(HttpMethod.Post, "api/admin/recycle/dry-run?last=500", string.Empty);
        Assert.Equal(HttpStatusCode.OK, asIs.StatusCode);
        var now = Item(await asIs.Content.ReadFromJsonAsync<JsonElement>(), leadId);
        Assert.Equal("none", now.GetProperty("decision").GetString());
        Assert.Contains("no trigger applies yet", now.GetProperty("why").GetString(), StringComparison.Ordinal);

        using var candidate = await SendAsync(HttpMethod.Post, "api/admin/recycle/dry-run?last=500",
            """{"noProgressWindow":"00:00:01","targets":{"no-progress":"list-stale"}}""");
        Assert.Equal(HttpStatusCode.OK, candidate.StatusCode);
        var view = await candidate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("wouldRecycle").GetInt32() >= 1);
        var judged = Item(view, leadId);
        Assert.Equal("recycle", judged.GetProperty("decision").GetString());
        Assert.Equal("no-progress", judged.GetProperty("reason").GetString());
        Assert.Equal("list-stale", judged.GetProperty("target").GetString());

        var after = await LeadApi.GetLeadAsync(_client, _host, leadId);
        Assert.Equal(LeadApi.Status(synced), LeadApi.Status(after!.Value));

        using var invalid = await SendAsync(HttpMethod.Post, "api/admin/recycle/dry-run", """{"noProgressWindow":"14.00:00:00","targets":{"bored":"x"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("targets.bored", out _));
        using var badLast = await SendAsync(HttpMethod.Post, "api/admin/recycle/dry-run?last=501", string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, badLast.StatusCode);
    }

    private static JsonElement Item(JsonElement view, string leadId) =>
        Assert.Single(view.GetProperty("items").EnumerateArray(), i => i.GetProperty("leadId").GetString() == leadId);

    /// <summary>How the gate names the host's admin key: <c>key:</c> and the first 12 hex of its hash.</summary>
    private string AdminActor() => "key:" + Web.Admin.AdminKeyHasher.Hash(_host.AdminKey)[Web.Admin.AdminKeyHasher.Prefix.Length..][..12];

    private async Task<JsonElement> NewestAsync(string action, Func<JsonElement, bool> match)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/admin/audit?action={action}&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        return items.First(match);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, _host.Url(path));
        request.Headers.Add("X-LeadSync-Admin-Key", _host.AdminKey);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }
}

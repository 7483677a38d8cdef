using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using LeadSync.Core.Notifications;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>
/// Escalations to each person over the real host and a fake Slack Web API: each owner's own DM gets the first rung
/// and the shared manager's DM the second, and an owner who is out of office is passed over; the buttons come back through the signed interactivity route and act as
/// the person who clicked, who must be the recipient or their manager.
/// </summary>
[Collection(PersonalEscalationCollection.Name)]
public sealed class PersonalEscalationTests(PersonalEscalationHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;
    private readonly FakeSlackApi _slack = fixture.Slack;

    [Fact]
    public async Task Two_leads_for_two_owners_reach_each_owners_own_dm_first_and_the_managers_dm_second_and_an_absent_owner_is_skipped()
    {
        var danaLead = await PostLeadAsync("ada@" + PersonalEscalationHostFixture.DanaDomain);
        var eliLead = await PostLeadAsync("bob@" + PersonalEscalationHostFixture.EliDomain);
        var gusLead = await PostLeadAsync("cat@" + PersonalEscalationHostFixture.GusDomain);

        var danaFirst = await WaitForPostAsync(PersonalEscalationHostFixture.Dana, danaLead, 1);
        var eliFirst = await WaitForPostAsync(PersonalEscalationHostFixture.Eli, eliLead, 1);
        var miaForDana = await WaitForPostAsync(PersonalEscalationHostFixture.Mia, danaLead, 2);
        var miaForEli = await WaitForPostAsync(PersonalEscalationHostFixture.Mia, eliLead, 2);

        // Each first rung went to its own owner only, each second rung to the manager only.
        Assert.DoesNotContain(_slack.PostsTo(PersonalEscalationHostFixture.Dana), p => Notice(p) is { } n && n.StartsWith(eliLead, StringComparison.Ordinal));
        Assert.DoesNotContain(_slack.PostsTo(PersonalEscalationHostFixture.Eli), p => Notice(p) is { } n && n.StartsWith(danaLead, StringComparison.Ordinal));
        Assert.DoesNotContain(_slack.PostsTo(PersonalEscalationHostFixture.Dana), p => Notice(p) == $"{danaLead}.2");
        Assert.DoesNotContain(_slack.PostsTo(PersonalEscalationHostFixture.Eli), p => Notice(p) == $"{eliLead}.2");
        Assert.StartsWith("<@U0DANA>", danaFirst.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<@U0ELI>", eliFirst.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<@U0MIA>", miaForDana.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<@U0MIA>", miaForEli.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("eli@example.com", _slack.Lookups); // eli has no member id in the directory: found by e-mail
        Assert.DoesNotContain("dana@example.com", _slack.Lookups);

        var lead = await LeadApi.WaitForLeadAsync(_client, _host, danaLead, l => l.GetProperty("escalationLevel").GetInt32() == 2, Patience);
        Assert.Equal("dana", lead.GetProperty("owner").GetString());

        // Gus is out of office: his rung is skipped with the reason on the timeline, and the manager hears at once.
        await WaitForPostAsync(PersonalEscalationHostFixture.Mia, gusLead, 2);
        Assert.Empty(_slack.PostsTo(PersonalEscalationHostFixture.Gus));
        var gus = await LeadApi.WaitForLeadAsync(_client, _host, gusLead, l => l.GetProperty("escalationLevel").GetInt32() == 2, Patience);
        Assert.Equal("gus", gus.GetProperty("owner").GetString());
        var skipped = Assert.Single(gus.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("event").GetString() == "sla.rung-skipped");
        Assert.Contains("out of office until 2099-01-01 00:00 UTC (parental leave)", skipped.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manager_acknowledges_from_slack_as_themselves_and_the_ladder_stops()
    {
        var leadId = await PostLeadAsync("cy@" + PersonalEscalationHostFixture.DanaDomain);
        var post = await WaitForPostAsync(PersonalEscalationHostFixture.Dana, leadId, 1);
        var value = ButtonValue(post, "leadsync_ack");

        var (stranger, strangerText) = await ClickAsync(PersonalEscalationHostFixture.Stranger, "leadsync_ack", value);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Contains("only the person this escalation was sent to, or their manager", strangerText, StringComparison.Ordinal);
        var untouched = (await LeadApi.GetLeadAsync(_client, _host, leadId))!.Value;
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("acknowledgedAt").ValueKind);

        var (manager, managerText) = await ClickAsync(PersonalEscalationHostFixture.Mia, "leadsync_ack", value, _slack.ResponseUrl);
        Assert.Equal(HttpStatusCode.OK, manager.StatusCode);
        Assert.Contains("Acknowledged by mia (Slack U0MIA)", managerText, StringComparison.Ordinal);
        Assert.Contains(_slack.Responses, r => r.GetProperty("text").GetString()!.Contains("Acknowledged by mia", StringComparison.Ordinal)
            && r.GetProperty("response_type").GetString() == "ephemeral");

        await Task.Delay(TimeSpan.FromSeconds(6)); // level 2 was due 3 s after level 1; the 30 s grace holds it back
        var lead = (await LeadApi.GetLeadAsync(_client, _host, leadId))!.Value;
        Assert.Equal("mia (Slack U0MIA)", lead.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(1, lead.GetProperty("escalationLevel").GetInt32());
        Assert.Contains("sla.acknowledged", LeadApi.Events(lead));
        Assert.DoesNotContain(_slack.PostsTo(PersonalEscalationHostFixture.Mia), p => Notice(p) == $"{leadId}.2");
    }

    [Fact]
    public async Task The_owner_reassigns_and_snoozes_from_slack_and_the_timeline_says_who()
    {
        var reassigned = await PostLeadAsync("di@" + PersonalEscalationHostFixture.EliDomain);
        var snoozed = await PostLeadAsync("ed@" + PersonalEscalationHostFixture.EliDomain);
        var reassignPost = await WaitForPostAsync(PersonalEscalationHostFixture.Eli, reassigned, 1);
        var snoozePost = await WaitForPostAsync(PersonalEscalationHostFixture.Eli, snoozed, 1);

        var (_, reassignText) = await ClickAsync(PersonalEscalationHostFixture.Eli, "leadsync_reassign", ButtonValue(reassignPost, "leadsync_reassign"));
        var (_, snoozeText) = await ClickAsync(PersonalEscalationHostFixture.Eli, "leadsync_snooze", ButtonValue(snoozePost, "leadsync_snooze"));

        Assert.Contains("Reassigned by eli (Slack U0ELI) to fay", reassignText, StringComparison.Ordinal);
        Assert.Contains("Snoozed by eli (Slack U0ELI)", snoozeText, StringComparison.Ordinal);
        var lead = (await LeadApi.GetLeadAsync(_client, _host, reassigned))!.Value;
        Assert.Equal("fay", lead.GetProperty("owner").GetString());
        Assert.Contains("sla.reassigned", LeadApi.Events(lead));
        var quiet = (await LeadApi.GetLeadAsync(_client, _host, snoozed))!.Value;
        Assert.Contains("sla.snoozed", LeadApi.Events(quiet));
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("acknowledgedAt").ValueKind); // a snooze is not an acknowledgement
    }

    [Fact]
    public async Task Signed_action_links_act_as_their_recipient_and_an_edited_recipient_or_action_is_refused()
    {
        var leadId = await PostLeadAsync("fi@" + PersonalEscalationHostFixture.DanaDomain);
        await WaitForPostAsync(PersonalEscalationHostFixture.Dana, leadId, 1);
        var links = ResponseLinks.Create(new Uri(_host.BaseUrl, "/"), $"{leadId}.1", 0, DateTimeOffset.UtcNow.AddHours(1), "dana", PersonalEscalationHostFixture.AckSecret);

        using var page = await _client.GetAsync(links.Snooze);
        var html = await page.Content.ReadAsStringAsync();
        using var edited = await _client.PostAsync(new Uri(links.Snooze.ToString().Replace("r=dana", "r=mia", StringComparison.Ordinal)), null);
        using var swapped = await _client.PostAsync(new Uri(links.Reassign.ToString().Replace("/reassign?", "/snooze?", StringComparison.Ordinal)), null);
        using var unknown = await _client.PostAsync(new Uri(links.Snooze.ToString().Replace("/snooze?", "/delete?", StringComparison.Ordinal)), null);
        using var snoozed = await _client.PostAsync(links.Snooze, null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You act as dana", html, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (edited.StatusCode, swapped.StatusCode, unknown.StatusCode));
        Assert.All(new[] { edited, swapped, unknown }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        var taken = JsonDocument.Parse(await snoozed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("snooze", "Done", "dana"), (taken.GetProperty("action").GetString(), taken.GetProperty("status").GetString(), taken.GetProperty("by").GetString()));
        var lead = (await LeadApi.GetLeadAsync(_client, _host, leadId))!.Value;
        Assert.Contains("sla.snoozed", LeadApi.Events(lead));
    }

    [Fact]
    public async Task Bad_stale_and_replayed_signatures_are_401_and_malformed_payloads_400_all_problem_json()
    {
        var body = SlackRequestSigner.FormBody(SlackRequestSigner.BlockActions(PersonalEscalationHostFixture.Mia, "leadsync_ack", "ld_nope.1|0"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var unsigned = await SendAsync(body, null, null);
        using var wrong = await SendAsync(body, now, "v0=" + new string('0', 64));
        using var stale = await SendAsync(body, now - 400, SlackRequestSigner.Sign(PersonalEscalationHostFixture.SigningSecret, now - 400, body));
        using var first = await SendAsync(body, now, SlackRequestSigner.Sign(PersonalEscalationHostFixture.SigningSecret, now, body));
        using var replayed = await SendAsync(body, now, SlackRequestSigner.Sign(PersonalEscalationHostFixture.SigningSecret, now, body));
        var notJson = "payload=" + Uri.EscapeDataString("{not json");
        using var malformed = await SendAsync(notJson, now, SlackRequestSigner.Sign(PersonalEscalationHostFixture.SigningSecret, now, notJson));
        var foreign = SlackRequestSigner.FormBody(SlackRequestSigner.BlockActions(PersonalEscalationHostFixture.Mia, "leadsync_claim", "claim:00Q1"));
        using var otherButton = await SendAsync(foreign, now, SlackRequestSigner.Sign(PersonalEscalationHostFixture.SigningSecret, now, foreign));

        foreach (var refused in new[] { unsigned, wrong, stale, replayed })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode); // genuine, for an escalation that does not exist: told so
        Assert.Contains("no longer exists", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var bad in new[] { malformed, otherButton })
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<string> PostLeadAsync(string email)
    {
        var (response, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson(email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return body.GetProperty("leadId").GetString()!;
    }

    private async Task<(HttpResponseMessage Response, string Text)> ClickAsync(string userId, string actionId, string value, Uri? responseUrl = null)
    {
        var body = SlackRequestSigner.FormBody(SlackRequestSigner.BlockActions(userId, actionId, value, responseUrl));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var response = await SendAsync(body, now, SlackRequestSigner.Sign(PersonalEscalationHostFixture.SigningSecret, now, body));
        var text = await response.Content.ReadAsStringAsync();
        return (response, response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(text).RootElement.GetProperty("text").GetString()! : text);
    }

    private async Task<HttpResponseMessage> SendAsync(string body, long? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.Url("api/slack/interactivity"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (timestamp is { } ts)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Slack-Signature", signature);
        }

        return await _client.SendAsync(request);
    }

    private static string ButtonValue(SlackPost post, string actionId) =>
        post.Body.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions")
            .GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("action_id").GetString() == actionId)
            .GetProperty("value").GetString()!;

    /// <summary>The notice id a post is about (from its buttons), or null.</summary>
    private static string? Notice(SlackPost post) =>
        post.Body.GetProperty("blocks").EnumerateArray().FirstOrDefault(b => b.GetProperty("type").GetString() == "actions") is { ValueKind: JsonValueKind.Object } actions
            ? actions.GetProperty("elements")[0].GetProperty("value").GetString()!.Split('|')[0]
            : null;

    private async Task<SlackPost> WaitForPostAsync(string channel, string leadId, int level)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_slack.PostsTo(channel).FirstOrDefault(p => Notice(p) == $"{leadId}.{level}") is { } post)
            {
                return post;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No Slack post to {channel} for {leadId} level {level}.");
    }
}

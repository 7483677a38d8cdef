using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadSync.Testing;

namespace LeadSync.EndToEnd.Tests;

/// <summary>The ladder over real channels: e-mail (SMTP), Teams (Adaptive Card envelope), Slack (blocks); the signed acknowledge link.</summary>
[Collection(LadderCollection.Name)]
public sealed partial class EscalationLadderTests(LadderHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client = fixture.Client;
    private readonly PortableHostProcess _host = fixture.Host;

    [Fact]
    public async Task Each_level_reaches_its_recipient_on_its_channel_in_that_channel_format()
    {
        var leadId = await PostLeadAsync("ladder-channels@example.com");

        var mail = await WaitForMailAsync(leadId, 1);
        var teams = await WaitForAsync(() => For(fixture.Teams, leadId));
        var slack = await WaitForAsync(() => For(fixture.Slack, leadId));

        Assert.Equal([LadderHostFixture.OwnerEmail], mail.To);
        Assert.Contains("level 1 (owner)", mail.Message.Subject, StringComparison.Ordinal);
        Assert.Contains($"/api/leads/{leadId}", mail.Message.TextBody, StringComparison.Ordinal);
        Assert.Matches(AckLink(), mail.Message.TextBody);
        Assert.Contains("Acknowledge</a>", mail.Message.HtmlBody, StringComparison.Ordinal);

        Assert.Equal("application/json", teams.ContentType?.Split(';')[0]);
        var envelope = JsonDocument.Parse(teams.Body).RootElement;
        Assert.Equal("message", envelope.GetProperty("type").GetString());
        var attachment = Assert.Single(envelope.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(("AdaptiveCard", "1.2"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        Assert.Contains("level 2 (manager)", card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        // The manager is a person of the directory: the card's actions are signed links bound to them.
        Assert.Equal(["Open lead", "Acknowledge", "Reassign", "Snooze"], card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.All(card.GetProperty("actions").EnumerateArray().Skip(1), a => Assert.Contains("&r=mia", a.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.True(teams.Body.Length < 28 * 1024);

        var message = JsonDocument.Parse(slack.Body).RootElement;
        Assert.Contains("level 3 (team)", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = message.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("type").GetString()).ToList();
        Assert.Equal(["header", "section", "section"], blocks);
        Assert.Contains("|Acknowledge>", message.GetProperty("blocks")[2].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);

        var lead = await LeadApi.WaitForLeadAsync(_client, _host, leadId, l => l.GetProperty("breachMarkedAt").ValueKind == JsonValueKind.String, Patience);
        Assert.Equal(3, lead.GetProperty("highestLevelReached").GetInt32());
        Assert.False(lead.GetProperty("slaMet").GetBoolean());
        Assert.Contains("sla.breached", LeadApi.Events(lead));
    }

    [Fact]
    public async Task Acknowledging_through_the_signed_link_stops_the_ladder()
    {
        var leadId = await PostLeadAsync("ladder-ack@example.com");
        var mail = await WaitForMailAsync(leadId, 1);
        var link = new Uri(AckLink().Match(mail.Message.TextBody ?? string.Empty).Groups[1].Value);

        using var page = await _client.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        var beforePost = await LeadApi.GetLeadAsync(_client, _host, leadId);
        Assert.Equal(JsonValueKind.Null, beforePost!.Value.GetProperty("acknowledgedAt").ValueKind);

        // The link is bound to the owner it was mailed to: a typed name does not change who acknowledged.
        using var form = new FormUrlEncodedContent([new("by", "ana")]);
        using var posted = await _client.PostAsync(link, form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Acknowledged by sandbox-rep", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Task.Delay(TimeSpan.FromSeconds(6)); // level 2 was due 3 s after level 1; the 30 s grace holds it back
        var lead = (await LeadApi.GetLeadAsync(_client, _host, leadId))!.Value;
        Assert.Equal("sandbox-rep", lead.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(1, lead.GetProperty("escalationLevel").GetInt32());
        Assert.Contains("sla.acknowledged", LeadApi.Events(lead));
        Assert.Null(For(fixture.Teams, leadId));
    }

    [Fact]
    public async Task An_acknowledge_link_without_or_with_a_wrong_signature_is_refused_as_a_problem()
    {
        var url = _host.Url("api/escalations/ld_nope.1/ack");

        using var missing = await _client.PostAsync(url, null);
        using var wrong = await _client.PostAsync(new Uri(url + "?sig=AAAA"), null);
        using var wrongPage = await _client.GetAsync(new Uri(url + "?sig=AAAA"));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongPage.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> PostLeadAsync(string email)
    {
        var (response, body) = await LeadApi.PostLeadAsync(_client, _host, LeadApi.LeadJson(email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return body.GetProperty("leadId").GetString()!;
    }

    private Task<ReceivedMail> WaitForMailAsync(string leadId, int level) =>
        WaitForAsync(() => fixture.Smtp.Received.FirstOrDefault(m => m.Message.Headers["X-LeadSync-Notice"] == $"{leadId}.{level}"));

    private static ReceivedRequest? For(HttpReceiver receiver, string leadId) =>
        receiver.Received.FirstOrDefault(r => r.Body.Contains($"/api/leads/{leadId}", StringComparison.Ordinal));

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return probe() ?? throw new TimeoutException("Nothing arrived in time.");
    }

    [GeneratedRegex(@"Acknowledge: (http\S+/ack\?sig=\S+)")]
    private static partial Regex AckLink();
}

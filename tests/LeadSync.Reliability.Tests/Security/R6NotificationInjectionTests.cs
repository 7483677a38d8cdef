using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadSync.Testing;
using Xunit.Abstractions;

namespace LeadSync.Reliability.Tests.Security;

/// <summary>
/// R6, notification injection: a lead whose names carry Markdown links and Slack mentions escalates to Slack and Teams;
/// what the channels receive shows those values as text — no link or button but LeadSync's own, no <c>&lt;!channel&gt;</c>
/// or user mention.
/// </summary>
public sealed partial class R6NotificationInjectionTests(InjectionHostFixture fixture, ITestOutputHelper output) : IClassFixture<InjectionHostFixture>
{
    private const string LinkName = "[Acknowledge](https://evil.example)";
    private const string Mention = "<!channel>";
    private const string UserMention = "<@U024BE7LH> *urgent*";

    [Fact]
    public async Task Lead_fields_reach_slack_and_teams_as_text_not_links_or_mentions()
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "lead.created",
            data = new { email = $"r6.inject.{Guid.NewGuid():N}"[..24] + "@example.com", firstName = LinkName, lastName = Mention, company = UserMention, score = 80 },
        });
        using var request = StandardWebhookSigner.SignedPost(fixture.Host.Url("api/webhooks/generic"), Secrets.Generic, body);
        using var accepted = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((fixture.Slack.Received.Count == 0 || fixture.Teams.Received.Count == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var slack = JsonDocument.Parse(Assert.Single(fixture.Slack.Received).Body).RootElement;
        var teams = JsonDocument.Parse(Assert.Single(fixture.Teams.Received).Body).RootElement;
        output.WriteLine("Slack: " + slack.GetProperty("text").GetString());
        output.WriteLine("Teams: " + teams.GetRawText()[..Math.Min(600, teams.GetRawText().Length)]);

        // Slack: every string Slack parses as mrkdwn (all but plain_text objects) holds no mention and no link but LeadSync's own two.
        var slackText = Strings(slack, skipPlainText: true).ToList();
        Assert.DoesNotContain(slackText, s => s.Contains(Mention, StringComparison.Ordinal) || s.Contains("<@U", StringComparison.Ordinal));
        Assert.Contains(slackText, s => s.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
        var slackLinks = slackText.SelectMany(s => SlackLink().Matches(s).Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(2, slackLinks.Count);
        var own = fixture.Host.BaseUrl.AbsoluteUri + "api/";
        Assert.All(slackLinks, url => Assert.StartsWith(own, url, StringComparison.Ordinal));

        // Teams: the name is shown escaped (no Markdown link), and the only buttons are LeadSync's.
        var teamsText = Strings(teams).ToList();
        Assert.DoesNotContain(teamsText, s => s.Contains("](", StringComparison.Ordinal) && !s.Contains("\\](", StringComparison.Ordinal));
        Assert.Contains(teamsText, s => s.Contains("\\[Acknowledge\\]\\(https:\u2060//evil.example\\)", StringComparison.Ordinal));
        var card = teams.GetProperty("attachments")[0].GetProperty("content");
        Assert.All(card.GetProperty("actions").EnumerateArray(), a => Assert.StartsWith(own, a.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element, bool skipPlainText = false) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object when skipPlainText && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "plain_text" => [],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, skipPlainText)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Strings(e, skipPlainText)),
        _ => [],
    };

    [GeneratedRegex("<(https?://[^|>]*)(?:\\|[^>]*)?>")]
    private static partial Regex SlackLink();
}

using System.Text.Json.Nodes;
using LeadSync.Core.Notifications;
using LeadSync.Infrastructure.Notifications.Slack;
using LeadSync.Infrastructure.Notifications.Teams;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>Lead data in Teams cards and Slack messages is text: no Markdown link, emphasis or mention survives.</summary>
public sealed class NotificationEscapingTests
{
    private const string LinkName = "[Acknowledge](https://evil.example)";

    private static EscalationMessage Message(string firstName, string company) => new()
    {
        NoticeId = "ld_test.1",
        LeadId = "ld_test",
        Level = 1,
        Recipient = "owner",
        LeadName = firstName,
        Company = company,
        Source = "generic",
        Owner = "<@U024BE7LH>",
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
        DeadlineAt = new DateTimeOffset(2026, 11, 23, 8, 5, 0, TimeSpan.Zero),
        Late = TimeSpan.FromMinutes(5),
        LeadLink = new Uri("https://leadsync.example/api/leads/ld_test"),
        AckLink = new Uri("https://leadsync.example/api/escalations/ld_test.1/ack?sig=abc&c=0&exp=1"),
    };

    [Fact]
    public void A_markdown_link_in_a_lead_name_is_escaped_in_the_teams_card_and_the_only_buttons_are_leadsyncs()
    {
        var card = TeamsCard.From(Message(LinkName, "**Bold** _co_ <at>Everyone</at>"))["attachments"]![0]!["content"]!;
        var texts = Strings(card).ToList();

        Assert.DoesNotContain(texts, t => t.Contains(LinkName, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("\\[Acknowledge\\]\\(https:\u2060//evil.example\\)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t == "\\*\\*Bold\\*\\* \\_co\\_ \\<at\\>Everyone\\</at\\>");
        Assert.All(card["actions"]!.AsArray(), a => Assert.StartsWith("https://leadsync.example/api/", a!["url"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- item", "\\- item")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("Ada-Lovelace Ltd.", "Ada-Lovelace Ltd.")]
    [InlineData("see www.evil.example", "see www\u2060.evil.example")]
    [InlineData("a \\ b", "a \\\\ b")]
    public void Teams_text_escapes_markdown_only_where_it_means_something(string value, string expected) =>
        Assert.Equal(expected, TeamsText.Escape(value));

    [Fact]
    public void Slack_mentions_and_links_in_lead_data_become_text_in_the_fallback_and_the_fields()
    {
        var message = SlackMessage.From(Message("<!channel>", "<https://evil.example|Acknowledge> & co"));
        var text = message["text"]!.GetValue<string>();
        var fields = message["blocks"]![1]!["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();

        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
        Assert.Contains("&lt;https://evil.example|Acknowledge&gt; &amp; co", text, StringComparison.Ordinal);
        Assert.All(fields, f => Assert.DoesNotContain("<", f, StringComparison.Ordinal));
        Assert.Contains(fields, f => f.Contains("&lt;@U024BE7LH&gt;", StringComparison.Ordinal));
        Assert.All(message["blocks"]![1]!["fields"]!.AsArray(), f => Assert.True(f!["verbatim"]!.GetValue<bool>()));
        Assert.Equal("<https://leadsync.example/api/leads/ld_test|Open lead>  ·  <https://leadsync.example/api/escalations/ld_test.1/ack?sig=abc&c=0&exp=1|Acknowledge>",
            message["blocks"]![2]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_slack_field_is_capped_before_it_is_escaped_so_no_entity_is_cut()
    {
        var message = SlackMessage.From(Message(new string('&', 400), "co"));
        var lead = message["blocks"]![1]!["fields"]![0]!["text"]!.GetValue<string>();

        Assert.EndsWith("&amp;…", lead, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        _ => [],
    };
}

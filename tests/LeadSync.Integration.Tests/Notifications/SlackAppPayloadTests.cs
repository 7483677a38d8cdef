using System.Text.Json;
using System.Text.Json.Nodes;
using LeadSync.Core.Notifications;
using LeadSync.Infrastructure.Notifications.Slack;

namespace LeadSync.Integration.Tests.Notifications;

/// <summary>
/// The Slack app's <c>chat.postMessage</c> body against the documented shape (vendor sample
/// <c>chat-postmessage-request-buttons.json</c>, FACTS E6) and Block Kit's published limits.
/// </summary>
public sealed class SlackAppPayloadTests
{
    private static readonly string[] KnownBlockTypes = ["header", "section", "actions", "context", "divider"];

    internal static EscalationMessage Message(string recipient = "owner", EscalationDestination? destination = null) => new()
    {
        NoticeId = "ld_slack.1",
        LeadId = "ld_slack",
        Level = 1,
        Recipient = recipient,
        LeadName = "Jane <!channel> Doe",
        Company = "Acme Example",
        Source = "generic",
        Owner = "dana",
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
        DeadlineAt = new DateTimeOffset(2026, 11, 23, 8, 15, 0, TimeSpan.Zero),
        Late = TimeSpan.FromMinutes(3),
        LeadLink = new Uri("https://leadsync.example/api/leads/ld_slack"),
        Cycle = 2,
        Destination = destination ?? new EscalationDestination(recipient, "dana", NotificationChannels.Slack, "dana@example.com") { SlackUserId = "U0DANA" },
        Links = ResponseLinks.Create(new Uri("https://leadsync.example/"), "ld_slack.1", 2, DateTimeOffset.UnixEpoch.AddYears(60), "dana", "s3cret"),
    };

    private static JsonElement Documented() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "slack", "chat-postmessage-request-buttons.json"))).RootElement;

    private static JsonElement Built(EscalationMessage message, string channel, string? mention) =>
        JsonDocument.Parse(SlackAppMessage.From(message, channel, mention).ToJsonString()).RootElement;

    [Fact]
    public void The_message_has_the_documented_top_level_fields_and_block_types()
    {
        var documented = Documented();
        var built = Built(Message(), "U0DANA", "U0DANA");

        Assert.Equal("U0DANA", built.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.String, built.GetProperty("text").ValueKind);
        foreach (var field in documented.EnumerateObject())
        {
            Assert.True(built.TryGetProperty(field.Name, out var ours), $"missing documented field {field.Name}");
            Assert.Equal(field.Value.ValueKind, ours.ValueKind);
        }

        var blocks = built.GetProperty("blocks").EnumerateArray().ToList();
        Assert.InRange(blocks.Count, 1, 50);
        Assert.All(blocks, b => Assert.Contains(b.GetProperty("type").GetString(), KnownBlockTypes));
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.True(blocks[0].GetProperty("text").GetProperty("text").GetString()!.Length <= 150);
    }

    [Fact]
    public void The_buttons_have_the_documented_shape_and_carry_the_notice_and_cycle()
    {
        var documentedButton = Documented().GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions")
            .GetProperty("elements")[0];
        var actions = Built(Message(), "U0DANA", "U0DANA").GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions");
        var buttons = actions.GetProperty("elements").EnumerateArray().ToList();

        Assert.Equal(["Acknowledge", "Reassign", "Snooze"], buttons.Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.Equal([SlackAppMessage.AcknowledgeActionId, SlackAppMessage.ReassignActionId, SlackAppMessage.SnoozeActionId],
            buttons.Select(b => b.GetProperty("action_id").GetString()));
        foreach (var button in buttons)
        {
            foreach (var field in documentedButton.EnumerateObject().Where(f => f.Name != "style"))
            {
                Assert.True(button.TryGetProperty(field.Name, out var ours), $"button lacks documented field {field.Name}");
                Assert.Equal(field.Value.ValueKind, ours.ValueKind);
            }

            Assert.Equal("button", button.GetProperty("type").GetString());
            Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
            Assert.True(button.GetProperty("action_id").GetString()!.Length <= 255);
            Assert.True(SlackAppMessage.TryParseValue(button.GetProperty("value").GetString(), out var noticeId, out var cycle));
            Assert.Equal(("ld_slack.1", 2), (noticeId, cycle));
            if (button.TryGetProperty("style", out var style))
            {
                Assert.Contains(style.GetString(), new[] { "primary", "danger" });
            }
        }
    }

    [Fact]
    public void A_person_is_mentioned_by_member_id_and_the_lead_text_cannot_mention_anyone()
    {
        var built = Built(Message(), "C0SALES", "U0DANA");
        // Slack parses mentions in the top-level text and in mrkdwn objects (plain_text is shown as typed).
        var parsed = new List<string> { built.GetProperty("text").GetString()! };
        parsed.AddRange(MrkdwnTexts(built.GetProperty("blocks")));
        Assert.Equal("C0SALES", built.GetProperty("channel").GetString());
        Assert.StartsWith("<@U0DANA>", built.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(built.GetProperty("blocks").EnumerateArray(),
            b => b.GetProperty("type").GetString() == "section" && b.TryGetProperty("text", out var t) && t.GetProperty("text").GetString()!.StartsWith("<@U0DANA>", StringComparison.Ordinal));
        Assert.All(parsed, t => Assert.DoesNotContain("<!channel>", t, StringComparison.Ordinal));
        Assert.Contains(parsed, t => t.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
    }

    private static IEnumerable<string> MrkdwnTexts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var type) && type.GetString() == "mrkdwn" => [element.GetProperty("text").GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => MrkdwnTexts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(MrkdwnTexts),
        _ => [],
    };

    [Fact]
    public void A_follow_up_notice_has_no_buttons()
    {
        var message = Message() with { Kind = EscalationMessage.FollowUpMissedKind, Links = null };

        var blocks = SlackAppMessage.From(message, "U0DANA", "U0DANA")["blocks"]!.AsArray();

        Assert.DoesNotContain(blocks, b => b!["type"]!.GetValue<string>() == "actions");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ld_x.1")]
    [InlineData("ld_x|1")]
    [InlineData("ld_x.1|-1")]
    [InlineData("ld_x.1|one")]
    public void A_button_value_LeadSync_did_not_write_is_refused(string? value)
    {
        Assert.False(SlackAppMessage.TryParseValue(value, out _, out _));
    }

    [Fact]
    public void The_values_roundtrip_and_unknown_action_ids_map_to_nothing()
    {
        Assert.True(SlackAppMessage.TryParseValue(SlackAppMessage.ButtonValue("ld_a.b.3", 7), out var id, out var cycle));
        Assert.Equal(("ld_a.b.3", 7), (id, cycle));
        Assert.Null(SlackAppMessage.ActionOf("leadsync_claim"));
        Assert.Equal(EscalationResponseActions.Snooze, SlackAppMessage.ActionOf(SlackAppMessage.SnoozeActionId));
    }

    [Fact]
    public void The_documented_button_sample_is_valid_json_with_an_actions_block()
    {
        // Guards the fixture itself: if the sample were replaced, the shape tests above would compare against nothing.
        Assert.Contains(Documented().GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
        Assert.NotNull(JsonNode.Parse(Documented().GetRawText()));
    }
}

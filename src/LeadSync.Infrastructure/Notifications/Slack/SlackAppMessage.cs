namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// The <c>chat.postMessage</c> body of the Slack app mode: <c>channel</c> (a user id for a DM, or a channel id), the
/// escaped headline as <c>text</c> (the notification fallback), and blocks — a header, a section that mentions the
/// person (<c>&lt;@U…&gt;</c>), the fields of the incoming-webhook message, and an <c>actions</c> block with the
/// Acknowledge / Reassign / Snooze buttons. Each button's <c>value</c> is <c>{noticeId}|{cycle}</c>; the clicker is
/// checked against the directory when Slack posts the click back.
/// </summary>
public static class SlackAppMessage
{
    public const string AcknowledgeActionId = "leadsync_ack";
    public const string ReassignActionId = "leadsync_reassign";
    public const string SnoozeActionId = "leadsync_snooze";

    /// <summary>Slack caps a button value at 2,000 characters.</summary>
    public const int MaxValueLength = 2000;

    public static JsonObject From(EscalationMessage message, string channel, string? mentionUserId, string? note = null)
    {
        var webhook = SlackMessage.From(message);
        var blocks = (JsonArray)webhook["blocks"]!;
        var header = blocks[0]!.DeepClone();
        var fields = blocks[1]!.DeepClone();
        var links = blocks[2]!.DeepClone();
        var result = new JsonArray { header };
        if (mentionUserId is not null)
        {
            // The mention is LeadSync's own text (an id Slack issued), never lead data, so it is not escaped.
            var who = string.Create(CultureInfo.InvariantCulture, $"<@{mentionUserId}> this escalation is yours (level {message.Level}, {message.Recipient}).");
            result.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = who } });
        }

        if (note is not null)
        {
            // LeadSync's own words around a directory name: escaped like every other text that may carry lead data.
            result.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Escape(note) } });
        }

        result.Add(fields);
        result.Add(links);
        if (message.Kind != EscalationMessage.FollowUpMissedKind)
        {
            var value = ButtonValue(message.NoticeId, message.Cycle);
            result.Add(new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = "leadsync_escalation",
                ["elements"] = new JsonArray
                {
                    Button("Acknowledge", AcknowledgeActionId, value, "primary"),
                    Button("Reassign", ReassignActionId, value, "danger"),
                    Button("Snooze", SnoozeActionId, value, null),
                },
            });
        }

        var text = webhook["text"]!.GetValue<string>();
        return new JsonObject
        {
            ["channel"] = channel,
            ["text"] = mentionUserId is null ? text : $"<@{mentionUserId}> {text}",
            ["blocks"] = result,
            ["unfurl_links"] = false,
        };
    }

    public static string ButtonValue(string noticeId, int cycle) => string.Create(CultureInfo.InvariantCulture, $"{noticeId}|{cycle}");

    /// <summary>Splits a button value back into the notice id and its cycle; false when it is not one LeadSync wrote.</summary>
    public static bool TryParseValue(string? value, out string noticeId, out int cycle)
    {
        noticeId = string.Empty;
        cycle = 0;
        var bar = value?.LastIndexOf('|') ?? -1;
        if (value is null || bar <= 0 || value.Length > MaxValueLength
            || !int.TryParse(value.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out cycle)
            || !EscalationNotice.TryParseId(value[..bar], out _, out _))
        {
            return false;
        }

        noticeId = value[..bar];
        return true;
    }

    /// <summary>The escalation action a button stands for, or null for an action id LeadSync did not send.</summary>
    public static string? ActionOf(string? actionId) => actionId switch
    {
        AcknowledgeActionId => EscalationResponseActions.Acknowledge,
        ReassignActionId => EscalationResponseActions.Reassign,
        SnoozeActionId => EscalationResponseActions.Snooze,
        _ => null,
    };

    private static JsonObject Button(string text, string actionId, string value, string? style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true },
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }
}

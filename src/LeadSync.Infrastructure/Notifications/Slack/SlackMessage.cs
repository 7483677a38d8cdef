namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>The incoming-webhook body: <c>text</c> as the notification fallback, <c>blocks</c> for the layout.</summary>
public static class SlackMessage
{
    private const int MaxFieldLength = 300;

    public static JsonObject From(EscalationMessage message)
    {
        var fields = new JsonArray
        {
            Field("Lead", message.LeadName),
            Field("Company", message.Company ?? "—"),
            Field("Source", message.Source),
            Field("Owner", message.Owner ?? "—"),
        };
        if (message.Kind == EscalationMessage.FollowUpMissedKind)
        {
            fields.Add(Field("Attempts", message.Attempts.ToString(CultureInfo.InvariantCulture)));
        }
        else
        {
            fields.Add(Field("Late", message.LateText));
            fields.Add(Field("Level", string.Create(CultureInfo.InvariantCulture, $"{message.Level} ({message.Recipient}, {message.Action ?? "notify"})")));
        }

        var links = $"<{message.LeadLink}|Open lead>" + (message.AckLink is { } ack ? $"  ·  <{ack}|Acknowledge>" : string.Empty);
        return new JsonObject
        {
            // Slack reads the top-level text as mrkdwn too (mentions, links): the lead's values must not become either.
            ["text"] = SlackText.Escape(message.Headline),
            ["blocks"] = new JsonArray
            {
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cap(message.Headline, 150) } },
                new JsonObject { ["type"] = "section", ["fields"] = fields },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = links } },
            },
        };
    }

    // Capped before escaping, so an entity is never cut in half; verbatim: Slack does not auto-link URLs or names in it.
    private static JsonObject Field(string title, string value) =>
        new() { ["type"] = "mrkdwn", ["text"] = $"*{title}*\n{SlackText.Escape(Cap(value, MaxFieldLength))}", ["verbatim"] = true };

    private static string Cap(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}

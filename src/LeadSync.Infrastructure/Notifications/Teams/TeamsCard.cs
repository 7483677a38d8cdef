namespace LeadSync.Infrastructure.Notifications.Teams;

/// <summary>
/// The Adaptive Card (version 1.2) message envelope Teams Workflows and connectors accept:
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}]}</c>.
/// </summary>
public static class TeamsCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Teams rejects posts above about 28 KB.</summary>
    public const int MaxBytes = 28 * 1024;

    private const int MaxValueLength = 400;

    public static JsonObject From(EscalationMessage message)
    {
        // Teams renders TextBlock and Fact values as Markdown: what came from the lead or the CRM (name, company, owner)
        // is escaped before it is put into any text, so it cannot add links or formatting; LeadSync's own words are not.
        message = message with
        {
            LeadName = TeamsText.Escape(Cap(message.LeadName)),
            Company = message.Company is { } company ? TeamsText.Escape(Cap(company)) : null,
            Owner = message.Owner is { } owner ? TeamsText.Escape(Cap(owner)) : null,
            Source = TeamsText.Escape(Cap(message.Source)),
        };
        var actions = new JsonArray { OpenUrl("Open lead", message.LeadLink) };
        if (message.Links is { } links)
        {
            // Signed links bound to this recipient: whoever opens them acts as the person the card mentions.
            actions.Add(OpenUrl("Acknowledge", links.Acknowledge));
            actions.Add(OpenUrl("Reassign", links.Reassign));
            actions.Add(OpenUrl("Snooze", links.Snooze));
        }
        else if (message.AckLink is { } ack)
        {
            actions.Add(OpenUrl("Acknowledge", ack));
        }

        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true, ["text"] = Cap(message.Headline) },
        };
        var mention = Mention(message.Destination);
        if (mention is not null)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["text"] = $"{mention["text"]!.GetValue<string>()} this escalation is yours." });
        }

        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = Facts(message) });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.2",
            ["body"] = body,
            ["actions"] = actions,
        };
        if (mention is not null)
        {
            // Teams turns <at>…</at> into a real mention only when an entity with exactly that text names the person.
            card["msteams"] = new JsonObject { ["entities"] = new JsonArray { mention } };
        }
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    /// <summary>The serialized envelope; every value is capped, so it stays far below <see cref="MaxBytes"/>.</summary>
    public static byte[] Serialize(EscalationMessage message)
    {
        var bytes = Encoding.UTF8.GetBytes(From(message).ToJsonString());
        return bytes.Length <= MaxBytes ? bytes : throw new InvalidOperationException($"Teams card of {bytes.Length} bytes exceeds {MaxBytes}.");
    }

    private static JsonArray Facts(EscalationMessage message)
    {
        var facts = new JsonArray
        {
            Fact("Lead", message.LeadName),
            Fact("Company", message.Company ?? "—"),
            Fact("Source", message.Source),
            Fact("Owner", message.Owner ?? "—"),
            Fact("Received", message.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)),
        };
        if (message.Kind == EscalationMessage.FollowUpMissedKind)
        {
            facts.Add(Fact("Attempts", message.Attempts.ToString(CultureInfo.InvariantCulture)));
            facts.Add(Fact("Window ended", message.DeadlineAt.ToString("u", CultureInfo.InvariantCulture)));
        }
        else
        {
            facts.Add(Fact("Deadline", message.DeadlineAt.ToString("u", CultureInfo.InvariantCulture)));
            facts.Add(Fact("Late", message.LateText));
            facts.Add(Fact("Level", string.Create(CultureInfo.InvariantCulture, $"{message.Level} ({message.Recipient}, {message.Action ?? "notify"})")));
        }

        return facts;
    }

    /// <summary>
    /// The <c>msteams.entities</c> mention of the destination person, by their Teams identity (UPN or Entra object id);
    /// null when the directory has none. The display name is the directory's, with the characters that would end the
    /// <c>&lt;at&gt;</c> tag removed.
    /// </summary>
    public static JsonObject? Mention(EscalationDestination? destination)
    {
        if (destination is null || string.IsNullOrWhiteSpace(destination.TeamsUserId))
        {
            return null;
        }

        var name = Cap(new string([.. destination.Name.Where(c => c is not ('<' or '>' or '\r' or '\n'))]).Trim());
        name = name.Length == 0 ? destination.TeamsUserId.Trim() : name;
        return new JsonObject
        {
            ["type"] = "mention",
            ["text"] = $"<at>{name}</at>",
            ["mentioned"] = new JsonObject { ["id"] = destination.TeamsUserId.Trim(), ["name"] = name },
        };
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = Cap(value) };

    private static JsonObject OpenUrl(string title, Uri url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.ToString() };

    private static string Cap(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";
}

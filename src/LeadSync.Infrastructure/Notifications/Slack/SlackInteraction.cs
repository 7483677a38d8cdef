namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// The part of a Slack <c>block_actions</c> interactivity payload LeadSync reads: who clicked (<c>user.id</c>), the
/// first action's <c>action_id</c> and <c>value</c>, and the short-lived <c>response_url</c>.
/// </summary>
public sealed record SlackInteraction(string Type, string UserId, string ActionId, string? Value, Uri? ResponseUrl)
{
    /// <summary>Reads the JSON of the form field <c>payload</c>; null when it is not JSON or lacks the user or an action.</summary>
    public static SlackInteraction? TryParse(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "type") is not { } type
                || !root.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object || Text(user, "id") is not { } userId
                || !root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0
                || actions[0].ValueKind != JsonValueKind.Object || Text(actions[0], "action_id") is not { } actionId)
            {
                return null;
            }

            var responseUrl = Uri.TryCreate(Text(root, "response_url"), UriKind.Absolute, out var url) ? url : null;
            return new SlackInteraction(type, userId, actionId, Text(actions[0], "value"), responseUrl);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

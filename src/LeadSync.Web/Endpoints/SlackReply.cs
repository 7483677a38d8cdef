namespace LeadSync.Web.Endpoints;

/// <summary>The answer to a Slack button click: an ephemeral message to the clicker that leaves the original in place.</summary>
public sealed record SlackReply(
    [property: JsonPropertyName("response_type")] string ResponseType,
    [property: JsonPropertyName("replace_original")] bool ReplaceOriginal,
    [property: JsonPropertyName("text")] string Text);

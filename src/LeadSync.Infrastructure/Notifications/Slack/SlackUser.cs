namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>The part of a Slack user object LeadSync reads.</summary>
public sealed record SlackUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("deleted")] bool Deleted = false);

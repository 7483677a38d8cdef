namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary><c>users.lookupByEmail</c>: <c>{ok, user{id, …}}</c> or <c>{ok:false, error}</c>.</summary>
public sealed record SlackUserResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("user")] SlackUser? User);

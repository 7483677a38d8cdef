namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary><c>chat.postMessage</c>: <c>{ok:true, channel, ts, message}</c> or <c>{ok:false, error}</c>.</summary>
public sealed record SlackPostMessageResponse(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("ts")] string? Ts);

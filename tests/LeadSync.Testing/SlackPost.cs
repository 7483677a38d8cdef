using System.Text.Json;

namespace LeadSync.Testing;

/// <summary>One <c>chat.postMessage</c> the fake Slack accepted: where it went and its JSON body.</summary>
public sealed record SlackPost(string Channel, JsonElement Body, DateTimeOffset At);

namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>A person's Slack member id, or why there is none (and when to try again, if Slack said so).</summary>
public sealed record SlackPerson(string? UserId, string? Error, TimeSpan? RetryAfter = null);

namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// A person's Slack member id, or why there is none (and when to try again, if Slack said so).
/// <see cref="NotInSlack"/> marks a definite "no such member" (not found, deactivated, nothing to look up by), as
/// opposed to Slack being unreachable or throttling: the notice then goes to the channel instead of waiting forever.
/// </summary>
public sealed record SlackPerson(string? UserId, string? Error, TimeSpan? RetryAfter = null)
{
    public bool NotInSlack { get; init; }
}

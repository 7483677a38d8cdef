namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>The outcome of checking a Slack request signature.</summary>
public enum SlackSignatureCheck
{
    Valid,

    /// <summary><c>X-Slack-Signature</c> or <c>X-Slack-Request-Timestamp</c> is absent.</summary>
    Missing,

    /// <summary>The timestamp is not a number or is more than five minutes from now.</summary>
    Stale,

    /// <summary>The signature does not match the body, the timestamp and the signing secret.</summary>
    Mismatch,
}

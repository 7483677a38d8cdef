namespace LeadSync.Infrastructure.Notifications.Slack;

/// <summary>
/// Remembers the signatures of the Slack requests this instance accepted for as long as their timestamp is within the
/// tolerance, so the same signed request sent twice inside the five-minute window is refused (Slack does not retry
/// interactivity requests). Per instance: across instances the acknowledgement itself is idempotent.
/// </summary>
public sealed class SlackReplayGuard(TimeProvider timeProvider)
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a signature is seen; false for a replay.</summary>
    public bool TryAccept(string signature)
    {
        var now = timeProvider.GetUtcNow();
        if (_seen.Count >= MaxRemembered)
        {
            foreach (var (key, until) in _seen)
            {
                if (until <= now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        // Twice the tolerance: a request is good for five minutes either side of its timestamp.
        return _seen.TryAdd(signature.Trim(), now + (SlackSignature.Tolerance * 2));
    }
}

namespace LeadSync.Infrastructure.Notifications;

/// <summary>
/// A client-side token bucket per channel (Teams ~4/s, Slack ~1/s). It never waits: when no token is free the send
/// fails at once with a retry-after, and the notify queue brings the message back later.
/// </summary>
public sealed class ChannelThrottle : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public ChannelThrottle(int perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>Null when a send may go now; otherwise how long to wait before trying again.</summary>
    public TimeSpan? TryAcquire()
    {
        using var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}

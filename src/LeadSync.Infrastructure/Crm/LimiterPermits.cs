namespace LeadSync.Infrastructure.Crm;

/// <summary>Reads a provider's client-side limiter for <see cref="Core.Crm.ICrmGateway.CanCallWithoutWaiting"/>.</summary>
internal static class LimiterPermits
{
    /// <summary>True when a permit is free now and no earlier request is queued for one (it would take it first).</summary>
    public static bool AvailableNow(RateLimiter limiter) =>
        limiter.GetStatistics() is not { } stats || (stats.CurrentQueuedCount == 0 && stats.CurrentAvailablePermits > 0);
}

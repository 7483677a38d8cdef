namespace LeadSync.Core.Crm;

/// <summary>
/// The last sampled size of the sync backlog (messages waiting in <c>lead-sync</c>, visible or deferred), as the CRM
/// status sampler and health read it. <see cref="CrmUpsertBatcher"/> lingers longer while it is large
/// (<see cref="CrmOptions.BacklogThreshold"/>), so a backlog drains in full batches. A sample older than
/// <see cref="Freshness"/> counts as no backlog.
/// </summary>
public sealed class SyncBacklogSignal(TimeProvider timeProvider)
{
    /// <summary>How long a sample stands (the sampler reads every minute).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    private (long Waiting, DateTimeOffset At)? _last;

    public void Report(long waiting) => _last = (waiting, timeProvider.GetUtcNow());

    /// <summary>True while the last fresh sample shows at least <paramref name="threshold"/> messages waiting.</summary>
    public bool IsBacklogged(int threshold) =>
        _last is { } last && last.Waiting >= threshold && timeProvider.GetUtcNow() - last.At <= Freshness;
}

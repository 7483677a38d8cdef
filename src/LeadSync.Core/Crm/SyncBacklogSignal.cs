namespace LeadSync.Core.Crm;

/// <summary>
/// The last sampled size of the sync backlog (messages waiting in <c>lead-sync</c>, visible or deferred), as the CRM
/// status sampler and health read it, and the leads per message this process has been handling. Leads waiting are
/// estimated as messages × leads per message (a message carries 1 to <see cref="LeadSyncMessage.MaxLeads"/> leads).
/// <see cref="CrmUpsertBatcher"/> lingers longer while that estimate is large (<see cref="CrmOptions.BacklogThreshold"/>),
/// so a backlog drains in full batches. A sample older than <see cref="Freshness"/> counts as no backlog.
/// </summary>
public sealed class SyncBacklogSignal(TimeProvider timeProvider)
{
    /// <summary>How long a sample stands (the sampler reads every minute).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    /// <summary>Weight of the newest message in the running mean of leads per message (≈ the last 50 messages).</summary>
    private const double NewestWeight = 0.02;

    private readonly Lock _lock = new();
    private (long Waiting, DateTimeOffset At)? _last;
    private double? _leadsPerMessage;

    public void Report(long waiting)
    {
        lock (_lock)
        {
            _last = (waiting, timeProvider.GetUtcNow());
        }
    }

    /// <summary>A <c>lead-sync</c> message with <paramref name="leads"/> lead ids is being handled.</summary>
    public void ObserveMessage(int leads)
    {
        if (leads < 1)
        {
            return;
        }

        lock (_lock)
        {
            _leadsPerMessage = _leadsPerMessage is { } mean ? mean + (NewestWeight * (leads - mean)) : leads;
        }
    }

    /// <summary>Leads per <c>lead-sync</c> message handled lately (1 until a message has been seen).</summary>
    public double LeadsPerMessage
    {
        get
        {
            lock (_lock)
            {
                return _leadsPerMessage ?? 1;
            }
        }
    }

    /// <summary>
    /// True while the last fresh sample, in leads (messages × <see cref="LeadsPerMessage"/>), shows at least
    /// <paramref name="threshold"/> leads waiting.
    /// </summary>
    public bool IsBacklogged(int threshold)
    {
        lock (_lock)
        {
            return _last is { } last && last.Waiting * (_leadsPerMessage ?? 1) >= threshold && timeProvider.GetUtcNow() - last.At <= Freshness;
        }
    }
}

namespace LeadSync.Core.Crm;

/// <summary>
/// The last sampled size of the sync backlog (messages waiting in <c>lead-sync</c>, visible or deferred), as the CRM
/// status sampler and health read it, and the <c>lead-sync</c> messages this process handles. Leads waiting are
/// estimated as messages × the leads per message handled lately (a message carries 1 to
/// <see cref="LeadSyncMessage.MaxLeads"/> leads). <see cref="CrmUpsertBatcher"/> lingers longer while that estimate is
/// large (<see cref="CrmOptions.BacklogThreshold"/>), so a backlog drains in full batches. Once this process has taken
/// up as many leads as the sample held beyond the messages it was handling then (<see cref="IsTakenUp"/>), no more are
/// known to come than those in hand, and the batcher stops waiting for a partial batch as soon as they stop arriving. A
/// sample older than <see cref="Freshness"/> counts as no backlog.
/// </summary>
public sealed class SyncBacklogSignal(TimeProvider timeProvider)
{
    /// <summary>How long a sample stands (the sampler reads every minute).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(2);

    /// <summary>Weight of the newest message in the running mean of leads per message (≈ the last 50 messages).</summary>
    private const double NewestWeight = 0.02;

    private readonly Lock _lock = new();
    private (long Waiting, long Unseen, DateTimeOffset At)? _last;
    private double? _leadsPerMessage;
    private long _takenSinceSample;
    private long _inFlight;

    /// <summary>
    /// A sample of the queue: <paramref name="waiting"/> messages, the ones this process is handling included (a
    /// message stays in the queue, invisible, while it is handled).
    /// </summary>
    public void Report(long waiting)
    {
        lock (_lock)
        {
            _last = (waiting, Math.Max(0, waiting - _inFlight), timeProvider.GetUtcNow());
            _takenSinceSample = 0;
        }
    }

    /// <summary>A <c>lead-sync</c> message with <paramref name="leads"/> lead ids is being handled until the result is disposed.</summary>
    public IDisposable Handling(int leads)
    {
        if (leads < 1)
        {
            return NotCounted.Instance;
        }

        lock (_lock)
        {
            _leadsPerMessage = _leadsPerMessage is { } mean ? mean + (NewestWeight * (leads - mean)) : leads;
            _takenSinceSample += leads;
            _inFlight++;
        }

        return new HandledMessage(this);
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

    /// <summary>True while the last fresh sample, in leads (messages × <see cref="LeadsPerMessage"/>), shows at least <paramref name="threshold"/> leads waiting.</summary>
    public bool IsBacklogged(int threshold)
    {
        lock (_lock)
        {
            return _last is { } last && timeProvider.GetUtcNow() - last.At <= Freshness && last.Waiting * (_leadsPerMessage ?? 1) >= threshold;
        }
    }

    /// <summary>
    /// True once this process has taken up, since the last sample, as many leads as that sample held beyond the
    /// messages in hand then: the rest of the backlog is in hand. With several instances each counts only what it
    /// takes, so this comes no earlier for one than the backlog's end does for all.
    /// </summary>
    public bool IsTakenUp
    {
        get
        {
            lock (_lock)
            {
                return _last is not { } last || last.Unseen * (_leadsPerMessage ?? 1) <= _takenSinceSample;
            }
        }
    }

    private void Handled()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }

    private sealed class HandledMessage(SyncBacklogSignal signal) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                signal.Handled();
            }
        }
    }

    private sealed class NotCounted : IDisposable
    {
        public static readonly NotCounted Instance = new();

        public void Dispose()
        {
        }
    }
}

namespace LeadSync.Core.Crm;

/// <summary>
/// Coalesces the sync queue's one-lead upserts into batch calls (one per process). Each concurrent caller submits one
/// lead and awaits that lead's own <see cref="CrmUpsertResult"/>; a batch goes to <see cref="ICrmGateway.UpsertAsync"/>
/// when it holds <see cref="ICrmGateway.MaxUpsertBatch"/> leads, or when a call slot is free, the batch has waited
/// <see cref="CrmOptions.BatchLinger"/> for more and the CRM's rate limiter has a permit free
/// (<see cref="ICrmGateway.CanCallWithoutWaiting"/>). At most <see cref="CrmOptions.MaxBatchesInFlight"/> calls run at
/// once, and a partial batch is not sent into an empty limiter (it would only wait there): while the quota is the limit,
/// batches fill. Without a permit the partial batch is looked at again every linger, so it goes as soon as one is free.
/// While the sync backlog is large (<see cref="SyncBacklogSignal"/>, <see cref="CrmOptions.BacklogThreshold"/>) the
/// linger is <see cref="CrmOptions.BacklogLinger"/>: a backlog fed slower than the CRM takes it drains in full batches.
/// Once the rest of the backlog is in hand (<see cref="SyncBacklogSignal.IsTakenUp"/>), a partial batch goes as soon as no
/// lead has joined it for <see cref="CrmOptions.BatchLinger"/>: the last batch of a drain does not wait for leads that will not come.
/// </summary>
/// <remarks>
/// A whole-call failure (an exception) reaches every caller of that batch; per-record results go to their own callers.
/// One lead id appears at most once per call (upsert keys must be unique): a second submission before the batch goes
/// joins the first and shares its result. A caller's cancellation ends only its own wait.
/// </remarks>
public sealed partial class CrmUpsertBatcher(
    ICrmGateway crm,
    IOptionsMonitor<CrmOptions> options,
    SyncBacklogSignal backlog,
    TimeProvider timeProvider,
    ILogger<CrmUpsertBatcher> logger,
    CrmPauseGate? pauseGate = null) : IDisposable
{
    /// <summary>How often a partial batch looks for a limiter permit when no linger is configured.</summary>
    private static readonly TimeSpan MinRecheck = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Dictionary<string, PendingUpsert> _unsent = new(StringComparer.Ordinal);
    private readonly Queue<List<PendingUpsert>> _full = new();
    private List<PendingUpsert> _open = [];
    private ITimer? _linger;
    private DateTimeOffset? _lingerSince;
    private DateTimeOffset _lastJoinAt;
    private long _openGeneration;
    private int _inFlight;
    private bool _disposed;

    /// <summary>Upserts <paramref name="lead"/> in the next batch and returns its own result.</summary>
    public async Task<CrmUpsertResult> UpsertAsync(Lead lead, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PendingUpsert pending;
        List<List<PendingUpsert>> ready;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            pending = Join(lead);
            ready = TakeSendable();
        }

        Send(ready);
        try
        {
            return await pending.Result.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Only this caller stops waiting; an entry nobody waits for is left out of its batch.
            lock (_lock)
            {
                pending.Waiters--;
            }

            throw;
        }
    }

    public void Dispose()
    {
        List<PendingUpsert> unsent;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _linger?.Dispose();
            unsent = [.. _unsent.Values];
            _unsent.Clear();
            _full.Clear();
            _open = [];
        }

        _lifetime.Cancel();
        foreach (var pending in unsent)
        {
            pending.Abandon();
        }

        _lifetime.Dispose();
    }

    private int MaxBatch => Math.Max(1, crm.MaxUpsertBatch);

    /// <summary>Adds the lead to the open batch, or joins the unsent entry that already holds it. Under the lock.</summary>
    private PendingUpsert Join(Lead lead)
    {
        if (_unsent.TryGetValue(lead.Id, out var existing))
        {
            existing.Lead = lead;
            existing.Waiters++;
            return existing;
        }

        var pending = new PendingUpsert(lead);
        _lastJoinAt = timeProvider.GetUtcNow();
        _unsent[lead.Id] = pending;
        _open.Add(pending);
        if (_open.Count >= MaxBatch)
        {
            _full.Enqueue(_open);
            StartNewOpenBatch();
        }

        return pending;
    }

    /// <summary>
    /// The batches that may go now: full ones first, then the open one once its linger has passed, while call slots
    /// are free. Arms the linger clock when a slot is free and a partial batch waits. Under the lock.
    /// </summary>
    private List<List<PendingUpsert>> TakeSendable()
    {
        var settings = options.CurrentValue;
        var backlogged = backlog.IsBacklogged(settings.BacklogThreshold);
        var linger = backlogged ? settings.BacklogLinger : settings.BatchLinger;
        var now = timeProvider.GetUtcNow();

        // The rest of a backlog is in hand: a partial batch waits only while leads keep joining it.
        var lingered = _lingerSince is { } since
            && (now - since >= linger || (backlogged && backlog.IsTakenUp && now - _lastJoinAt >= settings.BatchLinger));
        var ready = new List<List<PendingUpsert>>();
        while (!_disposed && _inFlight < settings.MaxBatchesInFlight)
        {
            List<PendingUpsert> batch;
            if (_full.Count > 0)
            {
                batch = _full.Dequeue();
            }
            else if (_open.Count > 0 && (lingered || linger <= TimeSpan.Zero) && crm.CanCallWithoutWaiting)
            {
                batch = _open;
                StartNewOpenBatch();
            }
            else
            {
                break;
            }

            var live = new List<PendingUpsert>(batch.Count);
            foreach (var pending in batch)
            {
                _unsent.Remove(pending.Lead.Id);
                if (pending.Waiters > 0)
                {
                    live.Add(pending);
                }
                else
                {
                    pending.Abandon();
                }
            }

            if (live.Count > 0)
            {
                _inFlight++;
                ready.Add(live);
            }
        }

        // A slot is free but the open batch stays: start its linger clock, or, when the linger has passed and the
        // limiter had no permit, look again one linger later. A backlog linger is looked at every BatchLinger: it
        // ends early once the backlog is in hand and no lead has joined for that long (the last partial batch).
        if (!_disposed && _inFlight < settings.MaxBatchesInFlight && _open.Count > 0 && _linger is null)
        {
            _lingerSince ??= now;
            var generation = _openGeneration;
            var left = _lingerSince.Value + linger - now;
            var wait = left > TimeSpan.Zero ? TimeSpanMin(left, TimeSpanMax(settings.BatchLinger, MinRecheck))
                : linger > TimeSpan.Zero ? linger : MinRecheck;
            _linger = timeProvider.CreateTimer(_ => OnLingerElapsed(generation), null, wait, Timeout.InfiniteTimeSpan);
        }

        return ready;
    }

    private void StartNewOpenBatch()
    {
        _open = [];
        _openGeneration++;
        _linger?.Dispose();
        _linger = null;
        _lingerSince = null;
    }

    private static TimeSpan TimeSpanMin(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan TimeSpanMax(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void OnLingerElapsed(long generation)
    {
        List<List<PendingUpsert>> ready;
        lock (_lock)
        {
            if (generation != _openGeneration)
            {
                return;
            }

            _linger?.Dispose();
            _linger = null;
            ready = TakeSendable();
        }

        Send(ready);
    }

    /// <summary>Runs each call off the caller's thread and outside the lock.</summary>
    private void Send(List<List<PendingUpsert>> batches)
    {
        foreach (var batch in batches)
        {
            _ = Task.Run(() => CallAsync(batch), CancellationToken.None);
        }
    }

    private async Task CallAsync(List<PendingUpsert> batch)
    {
        try
        {
            IReadOnlyList<CrmUpsertResult> results;
            if (pauseGate?.PausedNow() is { } pausedUntil)
            {
                // Paused since this batch was formed: no call; each lead waits for the pause end without an attempt used.
                var wait = pausedUntil - timeProvider.GetUtcNow();
                SyncTelemetry.Calls.Add(1, new KeyValuePair<string, object?>("crm", crm.Name), new KeyValuePair<string, object?>("outcome", "deferred"));
                foreach (var pending in batch)
                {
                    pending.Complete(new CrmUpsertResult(pending.Lead.Id, new CrmOutcome(CrmOutcomeKind.Transient, $"{crm.Name} is paused; not called.", wait)));
                }

                return;
            }

            try
            {
                results = await crm.UpsertAsync([.. batch.Select(p => p.Lead)], _lifetime.Token);
            }
#pragma warning disable CA1031 // Whatever ended the call is every caller's outcome: each one rethrows it, as a direct call would.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, ex, crm.Name, batch.Count);
                await ReportAsync(new CrmOutcome(CrmOutcomeKind.Transient, $"{crm.Name} call failed: {ex.GetType().Name}."));
                foreach (var pending in batch)
                {
                    pending.Fail(ex);
                }

                return;
            }

            await ReportAsync(CrmPauseGate.Summarize(results));
            var byLead = new Dictionary<string, CrmUpsertResult>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                byLead.TryAdd(result.LeadId, result);
            }

            foreach (var pending in batch)
            {
                pending.Complete(byLead.TryGetValue(pending.Lead.Id, out var result)
                    ? result
                    : new CrmUpsertResult(pending.Lead.Id, new CrmOutcome(CrmOutcomeKind.Transient, $"{crm.Name} returned no result for this lead.") { AboutRecord = true }));
            }
        }
        finally
        {
            List<List<PendingUpsert>> ready;
            lock (_lock)
            {
                _inFlight--;
                ready = TakeSendable();
            }

            Send(ready);
        }
    }

    /// <summary>Counts the call by outcome and tells the pause gate; a failed report (storage) must not fail the sync.</summary>
    private async Task ReportAsync(CrmOutcome summary)
    {
        SyncTelemetry.Calls.Add(1, new KeyValuePair<string, object?>("crm", crm.Name), new KeyValuePair<string, object?>("outcome", summary.Class == CrmFailureClass.None ? "succeeded" : summary.Class.ToString().ToLowerInvariant()));
        if (pauseGate is null)
        {
            return;
        }

        try
        {
            await pauseGate.ReportAsync(summary, _lifetime.Token);
        }
#pragma warning disable CA1031 // The call's results stand; the next call reports again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReportFailed(logger, ex, crm.Name);
        }
    }

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Recording the outcome of a {Crm} call for the shared pause failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string crm);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Upsert call to {Crm} for a batch of {Count} leads failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string crm, int count);
}

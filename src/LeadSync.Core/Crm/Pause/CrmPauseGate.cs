namespace LeadSync.Core.Crm.Pause;

/// <summary>
/// The one pause of the configured CRM connection, shared by every instance through <see cref="ICrmPauseStore"/>.
/// Callers ask <see cref="EnterAsync"/> before a CRM call (no call while paused; once a pause has run out exactly one
/// caller, across instances, gets the probe call) and tell <see cref="ReportAsync"/> how each call ended: a 429 or a
/// quota stop pauses until the vendor's time, <see cref="CrmOptions.PauseAfterFailures"/> calls in a row without an
/// answer pause for 30 s doubling up to <see cref="CrmOptions.MaxFailurePause"/>, and any answer from the CRM ends the
/// pause. Reads are cached for <see cref="CacheFor"/>, so a pause set elsewhere is seen within that time.
/// </summary>
public sealed partial class CrmPauseGate(
    ICrmPauseStore store,
    ICrmGateway crm,
    IOptionsMonitor<CrmOptions> options,
    TimeProvider time,
    ILogger<CrmPauseGate> logger)
{
    /// <summary>How long a read of the shared state is reused before reading it again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    /// <summary>How long the instance that claimed the probe holds it: the others wait that long at most.</summary>
    public static readonly TimeSpan ProbeLease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstFailurePause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinThrottlePause = TimeSpan.FromSeconds(1);
    private const int MaxWriteAttempts = 8;

    private readonly Lock _lock = new();
    private CrmPause? _cached;
    private DateTimeOffset _cachedAt;
    private Task<CrmPause>? _reading;

    public string Crm => crm.Name;

    /// <summary>The shared state, read now (health, console, the SLA sweep).</summary>
    public async Task<CrmPause> GetStateAsync(CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(crm.Name, cancellationToken);
        Remember(state);
        return state;
    }

    /// <summary>
    /// Until when no sync call may go (a pause, or another instance's probe), from the cached state; null when calls may
    /// go or a probe is due. Queue consumers poll the sync queue only when this is null.
    /// </summary>
    public async Task<DateTimeOffset?> ClosedUntilAsync(CancellationToken cancellationToken)
    {
        var state = await CachedAsync(cancellationToken);
        var now = time.GetUtcNow();
        return state.PausedUntil > now ? state.PausedUntil
            : state.PausedUntil is not null && state.ProbeUntil > now ? state.ProbeUntil
            : null;
    }

    /// <summary>May a CRM call go now? Claims the probe (ETag-safe, so one caller across instances) when a pause ran out.</summary>
    public async Task<CrmGateDecision> EnterAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await CachedAsync(cancellationToken);
        if (Decide(state, now) is { } quick)
        {
            return quick;
        }

        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            state = await GetStateAsync(cancellationToken);
            if (Decide(state, now) is { } decided)
            {
                return decided;
            }

            if (await store.TrySaveAsync(state with { ProbeUntil = now + ProbeLease, UpdatedAt = now }, cancellationToken) is { } claimed)
            {
                Remember(claimed);
                LogProbe(logger, crm.Name);
                return CrmGateDecision.Probe;
            }
        }

        return CrmGateDecision.Wait(now + ProbeLease, state.Reason);
    }

    /// <summary>Records how one CRM call ended (its summary outcome; see <see cref="Summarize"/>).</summary>
    public async Task ReportAsync(CrmOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cls = outcome.Class;
        if (cls is CrmFailureClass.None or CrmFailureClass.Permanent or CrmFailureClass.Refused)
        {
            // The CRM answered: the connection is fine. Nothing to write when it already was.
            var known = await CachedAsync(cancellationToken);
            if (known.PausedUntil is null && known.ConsecutiveFailures == 0)
            {
                return;
            }

            await UpdateAsync(s => s.PausedUntil is null && s.ConsecutiveFailures == 0 ? null
                : CrmPause.Healthy(s.Crm) with { ETag = s.ETag, UpdatedAt = now }, cancellationToken);
            LogResumed(logger, crm.Name);
            return;
        }

        var settings = options.CurrentValue;
        var reason = CrmPauseReason.Clean(outcome.Reason ?? outcome.Kind.ToString());
        await UpdateAsync(s =>
        {
            if (cls is CrmFailureClass.Quota or CrmFailureClass.Throttled)
            {
                var wait = outcome.RetryAfter is { } r && r > MinThrottlePause ? r : MinThrottlePause;
                return Paused(s, now + wait, reason, cls == CrmFailureClass.Quota ? "quota" : "rate-limit", s.ConsecutiveFailures, s.FailedProbes, now);
            }

            var failures = s.ConsecutiveFailures + 1;
            if (s.PausedUntil is null && failures < settings.PauseAfterFailures)
            {
                return s with { ConsecutiveFailures = failures, Reason = reason, UpdatedAt = now };
            }

            // The run of failures reached the limit, or the probe of a pause failed: pause, longer each time.
            var pause = TimeSpan.FromTicks(Math.Min(settings.MaxFailurePause.Ticks, FirstFailurePause.Ticks * (1L << Math.Min(s.FailedProbes, 20))));
            return Paused(s, now + pause, reason, "failures", failures, s.FailedProbes + 1, now);
        }, cancellationToken);
    }

    /// <summary>
    /// The end of the pause this instance knows of (no I/O), or null. The batcher asks it right before each call, so a
    /// batch admitted before a pause was set does not go out during it.
    /// </summary>
    public DateTimeOffset? PausedNow()
    {
        lock (_lock)
        {
            return _cached?.PausedUntil > time.GetUtcNow() ? _cached.PausedUntil : null;
        }
    }

    /// <summary>How long a sync that failed without pausing the connection should wait (grows with the run of failures).</summary>
    public TimeSpan RetryDelay()
    {
        var now = time.GetUtcNow();
        CrmPause? state;
        lock (_lock)
        {
            state = _cached;
        }

        if (state?.PausedUntil > now)
        {
            return state.PausedUntil.Value - now;
        }

        var failures = Math.Min(state?.ConsecutiveFailures ?? 0, 6);
        return TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, failures)));
    }

    /// <summary>
    /// One call's outcome from its per-lead results: any answer about a lead (success, refusal) means the CRM is up;
    /// otherwise the failure that asks to wait longest.
    /// </summary>
    public static CrmOutcome Summarize(IReadOnlyList<CrmUpsertResult> results)
    {
        if (results.FirstOrDefault(r => r.Outcome.Class is CrmFailureClass.None or CrmFailureClass.Permanent or CrmFailureClass.Refused) is { } answered)
        {
            return answered.Outcome;
        }

        return results.Select(r => r.Outcome)
            .OrderByDescending(o => o.Class is CrmFailureClass.Quota or CrmFailureClass.Throttled)
            .ThenByDescending(o => o.RetryAfter ?? TimeSpan.Zero)
            .FirstOrDefault() ?? new CrmOutcome(CrmOutcomeKind.Transient, "The call returned no results.");
    }

    private static CrmGateDecision? Decide(CrmPause state, DateTimeOffset now) =>
        state.PausedUntil is not { } until ? CrmGateDecision.Open
        : until > now ? CrmGateDecision.Wait(until, state.Reason)
        : state.ProbeUntil > now ? CrmGateDecision.Wait(state.ProbeUntil.Value, state.Reason)
        : null;

    private static CrmPause Paused(CrmPause s, DateTimeOffset until, string reason, string cause, int failures, int failedProbes, DateTimeOffset now) =>
        s with
        {
            // Never shortens a pause another instance set (a quota reset outranks a short 429).
            PausedUntil = s.PausedUntil > until ? s.PausedUntil : until,
            Reason = s.PausedUntil > until ? s.Reason : reason,
            Cause = s.PausedUntil > until ? s.Cause : cause,
            ConsecutiveFailures = failures,
            FailedProbes = failedProbes,
            ProbeUntil = null,
            UpdatedAt = now,
        };

    private async Task UpdateAsync(Func<CrmPause, CrmPause?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var state = await GetStateAsync(cancellationToken);
            var next = change(state);
            if (next is null)
            {
                return;
            }

            if (await store.TrySaveAsync(next, cancellationToken) is { } saved)
            {
                Remember(saved);
                if (saved.PausedUntil > time.GetUtcNow() && !(state.PausedUntil >= saved.PausedUntil))
                {
                    LogPaused(logger, crm.Name, saved.PausedUntil.Value, saved.Cause ?? "");
                }

                return;
            }
        }
    }

    /// <summary>
    /// The cached state, or one read shared by every caller that finds the cache out of date at the same moment: every
    /// CRM call asks the gate first, so without sharing, the calls in flight when the cache expires would each read the
    /// row (B3 counted 0.45 reads per lead synced).
    /// </summary>
    private async Task<CrmPause> CachedAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<CrmPause>? mine = null;
        Task<CrmPause> reading;
        lock (_lock)
        {
            if (_cached is not null && time.GetUtcNow() - _cachedAt < CacheFor)
            {
                return _cached;
            }

            if (_reading is null)
            {
                mine = new TaskCompletionSource<CrmPause>(TaskCreationOptions.RunContinuationsAsynchronously);
                _reading = mine.Task;
            }

            reading = _reading;
        }

        if (mine is not null)
        {
            await ReadSharedAsync(mine);
        }

        return await reading.WaitAsync(cancellationToken);
    }

    /// <summary>The shared read: not cancelled by the caller that happened to start it, since others wait for it too.</summary>
    private async Task ReadSharedAsync(TaskCompletionSource<CrmPause> read)
    {
        try
        {
            var state = await GetStateAsync(CancellationToken.None);
            lock (_lock)
            {
                _reading = null;
            }

            read.SetResult(state);
        }
#pragma warning disable CA1031 // The read's failure is every waiting caller's: each one rethrows it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_lock)
            {
                _reading = null;
            }

            read.SetException(ex);
        }
    }

    private void Remember(CrmPause state)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _cached = state;
            _cachedAt = now;
        }

        SyncTelemetry.PublishPaused(crm.Name, state.PausedUntil > now);
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "CRM {Crm} paused until {Until} ({Cause})")]
    private static partial void LogPaused(ILogger logger, string crm, DateTimeOffset until, string cause);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "CRM {Crm} answered again; pause cleared")]
    private static partial void LogResumed(ILogger logger, string crm);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "CRM {Crm} pause ran out; this instance makes the probe call")]
    private static partial void LogProbe(ILogger logger, string crm);
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Shares storage concurrency between the webhook request path (foreground) and background work (filing, sync,
/// timers) in one process. The request path never waits here. Background requests are admitted while fewer than the
/// adaptive limit are open and while foreground + background stay under
/// <see cref="StorageOptions.MaxConcurrentRequests"/> − <see cref="StorageOptions.RequestPathReserve"/>: a request being
/// answered takes a background slot away, and the reserve is never used by background work.
/// </summary>
/// <remarks>
/// The adaptive limit is AIMD on observed storage latency: every <see cref="Window"/> the median latency of the
/// requests that finished in it (both kinds) is compared with <see cref="StorageOptions.LatencyTarget"/>; above it the
/// limit shrinks by a quarter, at or below it the limit grows by one when background work had to wait. Storage that
/// slows down (Azurite serves one request at a time, an account near its limits throttles) gets fewer background
/// requests, so the request path keeps short answers while filing never stops (the limit never drops below
/// <see cref="MinimumLimit"/>).
/// </remarks>
internal sealed class StorageConcurrency
{
    /// <summary>How often the limit is reconsidered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    private const double Decrease = 0.75;
    private const int MaxSamples = 512;

    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _target;
    private readonly int _ceiling;
    private readonly int _minimum;
    private readonly double[] _samples = new double[MaxSamples];
    private int _sampleCount;
    private long _windowStart;
    private bool _waitedInWindow;
    private double _limit;
    private int _foreground;
    private int _background;

    /// <param name="maxConcurrent">All storage requests the process should keep open at once (0 = no limit).</param>
    /// <param name="requestPathReserve">Slots of <paramref name="maxConcurrent"/> background work never takes.</param>
    public StorageConcurrency(int maxConcurrent, int requestPathReserve, TimeSpan latencyTarget, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _target = latencyTarget.TotalMilliseconds;
        _ceiling = maxConcurrent <= 0 ? int.MaxValue : Math.Max(1, maxConcurrent - Math.Max(0, requestPathReserve));
        _minimum = Math.Min(MinimumLimit, _ceiling);
        _limit = _ceiling == int.MaxValue ? int.MaxValue : _ceiling;
        _windowStart = timeProvider.GetTimestamp();
    }

    /// <summary>Background requests always allowed at once, however slow storage gets: filing and sync keep moving.</summary>
    public const int MinimumLimit = 8;

    /// <summary>The current adaptive limit on background requests.</summary>
    public int BackgroundLimit
    {
        get
        {
            lock (_lock)
            {
                return (int)Math.Min(_limit, int.MaxValue);
            }
        }
    }

    public int ForegroundInFlight => Volatile.Read(ref _foreground);

    public int BackgroundInFlight => Volatile.Read(ref _background);

    /// <summary>A request-path request starts (never waits).</summary>
    public long EnterForeground()
    {
        Interlocked.Increment(ref _foreground);
        return _timeProvider.GetTimestamp();
    }

    public void ExitForeground(long started)
    {
        Interlocked.Decrement(ref _foreground);
        Observe(started);
        lock (_lock)
        {
            ReleaseWaiters();
        }
    }

    /// <summary>Waits for a background slot; returns the start timestamp to pass to <see cref="ExitBackground"/>.</summary>
    public async ValueTask<long> EnterBackgroundAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_waiting.Count == 0 && Admits())
            {
                _background++;
                return _timeProvider.GetTimestamp();
            }

            _waitedInWindow = true;
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                if (waiter.Task.IsCompletedSuccessfully)
                {
                    // Admitted just as it was cancelled: give the slot back.
                    _background--;
                    ReleaseWaiters();
                }
                else
                {
                    waiter.TrySetCanceled(cancellationToken);
                }
            }

            throw;
        }

        return _timeProvider.GetTimestamp();
    }

    /// <summary>Blocking variant for the SDK's synchronous pipeline.</summary>
    public long EnterBackground(CancellationToken cancellationToken) =>
        EnterBackgroundAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    public void ExitBackground(long started)
    {
        lock (_lock)
        {
            _background--;
        }

        Observe(started);
        lock (_lock)
        {
            ReleaseWaiters();
        }
    }

    /// <summary>Under the lock.</summary>
    private bool Admits() =>
        _background < (int)Math.Min(_limit, int.MaxValue) &&
        (_ceiling == int.MaxValue || _background + Volatile.Read(ref _foreground) < _ceiling);

    /// <summary>Admits waiting background requests while there is room. Under the lock.</summary>
    private void ReleaseWaiters()
    {
        while (_waiting.Count > 0 && Admits())
        {
            var next = _waiting.Dequeue();
            if (next.TrySetResult())
            {
                _background++;
            }
        }
    }

    private void Observe(long started)
    {
        var now = _timeProvider.GetTimestamp();
        var latency = _timeProvider.GetElapsedTime(started, now).TotalMilliseconds;
        lock (_lock)
        {
            if (_sampleCount < MaxSamples)
            {
                _samples[_sampleCount++] = latency;
            }

            if (_timeProvider.GetElapsedTime(_windowStart, now) < Window || _ceiling == int.MaxValue)
            {
                return;
            }

            var median = Median(_samples.AsSpan(0, _sampleCount));
            if (median > _target)
            {
                _limit = Math.Max(_minimum, Math.Floor(_limit * Decrease));
            }
            else if (_waitedInWindow)
            {
                _limit = Math.Min(_ceiling, _limit + 1);
            }

            _sampleCount = 0;
            _waitedInWindow = _waiting.Count > 0;
            _windowStart = now;
            ReleaseWaiters();
        }
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        return values.Length == 0 ? 0 : values[values.Length / 2];
    }
}

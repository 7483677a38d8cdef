using System.Threading.Channels;

namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// Files inbox deliveries as leads, off the request path. Deliveries this instance just received are offered in memory
/// and filed by <see cref="IntakeOptions.InboxFilers"/> workers; past <see cref="IntakeOptions.InboxBuffer"/> only
/// their ids are kept and read back when there is room (<see cref="IntakeOptions.InboxOverflow"/>), up to 100 at a
/// time (<see cref="IIntakeInbox.GetManyAsync"/>: a second of arrivals in one read), not one read each: a read per
/// delivery would add storage work just when storage is behind, and keep it behind.
/// When that is full too, when filing meets a storage outage, and at start-up, the inbox table is read back in pages
/// (catch-up). A filed delivery is removed from the inbox after
/// its leads are stored; a crash in between files it again, which keeps one lead (filing is idempotent).
/// Filing never waits for webhook traffic to pause: the request path is protected by storage priorities instead
/// (its requests never wait and take slots from background work, whose concurrency adapts to storage latency), so a
/// steady stream of webhooks adds no more than that to a lead's way to the CRM.
/// With <see cref="InboxFilingMode.Queue"/> (the Functions app) nothing is offered in memory and there is no catch-up:
/// any instance files the deliveries a <c>lead-file</c> message names (<see cref="FileQueuedAsync"/>).
/// </summary>
public sealed partial class InboxPump : IDisposable
{
    private const int PageSize = 1000;

    /// <summary>Most overflowed deliveries read back (and held) at once.</summary>
    private const int ReadBackBatch = 100;

    /// <summary>Unexpected filing failures of one delivery before it is quarantined (a race resolves on a retry; a defect does not).</summary>
    private const int FailuresBeforeQuarantine = 3;
    private static readonly TimeSpan RoundGap = TimeSpan.FromSeconds(1);

    /// <summary>When a <c>lead-file</c> message with deliveries left comes back.</summary>
    private static readonly TimeSpan QueuedRetryWait = TimeSpan.FromSeconds(5);

    private readonly IIntakeInbox _inbox;
    private readonly WebhookIntake _intake;
    private readonly IntakeOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<InboxPump> _logger;
    private readonly Channel<InboxDelivery> _ready;
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentQueue<string> _overflow = new();
    private readonly SemaphoreSlim _overflowed = new(0);
    private int _overflowCount;
    private int _behind;

    public InboxPump(
        IIntakeInbox inbox, WebhookIntake intake, IOptions<IntakeOptions> options, TimeProvider timeProvider, ILogger<InboxPump> logger)
    {
        _inbox = inbox;
        _intake = intake;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        // Queue filing (Functions) needs no start-up scan or catch-up: every delivery has its lead-file message, a
        // message whose filing failed comes back, and the redrive job files rows whose message was never sent.
        _behind = _options.Filing == InboxFilingMode.Queue ? 0 : 1;
        _ready = Channel.CreateBounded<InboxDelivery>(new BoundedChannelOptions(_options.InboxBuffer) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Deliveries waiting in memory or being filed by this instance.</summary>
    public int Held => _held.Count;

    /// <summary>Queues a delivery just stored in the inbox; never blocks (a full buffer leaves it to the catch-up).</summary>
    public void Offer(InboxDelivery delivery)
    {
        if (!_held.TryAdd(delivery.Id, 0))
        {
            return;
        }

        // Once ids wait in the overflow, newer deliveries queue behind them.
        if (Volatile.Read(ref _overflowCount) == 0 && _ready.Writer.TryWrite(delivery))
        {
            return;
        }

        if (Interlocked.Increment(ref _overflowCount) <= _options.InboxOverflow)
        {
            _overflow.Enqueue(delivery.Id);
            _overflowed.Release();
            return;
        }

        Interlocked.Decrement(ref _overflowCount);
        _held.TryRemove(delivery.Id, out _);
        MarkBehind();
    }

    /// <summary>Runs the filers and the catch-up until <paramref name="cancellationToken"/> fires.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll([
            .. Enumerable.Range(0, _options.InboxFilers).Select(_ => FileLoopAsync(cancellationToken)),
            OverflowLoopAsync(cancellationToken),
            CatchUpLoopAsync(cancellationToken),
        ]);

    /// <summary>
    /// Files, one by one, inbox deliveries older than <see cref="IntakeOptions.InboxRecoverAfter"/> that this instance
    /// does not hold (left by a crashed or scaled-in instance). Returns how many it filed.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var before = _timeProvider.GetUtcNow() - _options.InboxRecoverAfter;
        var filed = 0;
        foreach (var delivery in await _inbox.ListAsync(before, PageSize, cancellationToken))
        {
            if (!_held.TryAdd(delivery.Id, 0))
            {
                continue;
            }

            try
            {
                filed += await FileOneAsync(delivery, cancellationToken) ? 1 : 0;
            }
            finally
            {
                _held.TryRemove(delivery.Id, out _);
            }
        }

        return filed;
    }

    /// <summary>
    /// Files the deliveries a <c>lead-file</c> message names (<see cref="InboxFilingMode.Queue"/>): each is read back by
    /// id, filed and removed from the inbox, up to <see cref="IntakeOptions.InboxFilers"/> at a time. An id already gone
    /// was filed before (a redelivered message). Done when every delivery is filed; otherwise the message comes back
    /// and the filed ones are skipped then.
    /// </summary>
    public async Task<WorkOutcome> FileQueuedAsync(IReadOnlyList<string> deliveryIds, CancellationToken cancellationToken)
    {
        var left = 0;
        var read = await ReadManyAsync(deliveryIds, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.InboxFilers, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(deliveryIds, parallel, async (id, token) =>
        {
            if (!_held.TryAdd(id, 0))
            {
                return; // Being filed by this instance already (its catch-up found it first).
            }

            try
            {
                if (!await FileByIdAsync(id, read, token))
                {
                    Interlocked.Increment(ref left);
                }
            }
            finally
            {
                _held.TryRemove(id, out _);
            }
        });
        return left == 0
            ? WorkOutcome.Done($"{deliveryIds.Count} deliveries filed")
            : WorkOutcome.Retry(QueuedRetryWait, $"{left} of {deliveryIds.Count} deliveries not filed yet");
    }

    /// <summary>
    /// The deliveries a message names that are still stored, read together (a message names the deliveries of a moment,
    /// mostly of one second: one read); null when each is read on its own (a single id, or storage down: each read then
    /// fails too, and the message comes back).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, InboxDelivery>?> ReadManyAsync(IReadOnlyList<string> deliveryIds, CancellationToken cancellationToken)
    {
        try
        {
            return deliveryIds.Count < 2
                ? null
                : (await _inbox.GetManyAsync(deliveryIds, cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        }
        catch (StorageUnavailableException)
        {
            return null;
        }
    }

    /// <summary>True when the delivery is filed (or was already); false when it must be tried again.</summary>
    private async Task<bool> FileByIdAsync(string id, IReadOnlyDictionary<string, InboxDelivery>? read, CancellationToken cancellationToken)
    {
        InboxDelivery? delivery;
        try
        {
            delivery = read is null ? await _inbox.GetAsync(id, cancellationToken) : read.GetValueOrDefault(id);
        }
        catch (StorageUnavailableException)
        {
            return false;
        }

        return delivery is null || await FileOneAsync(delivery, cancellationToken);
    }

    private async Task FileLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            // ReadAsync, not WaitToReadAsync + TryRead: a write to a bounded channel hands its item to one waiting
            // ReadAsync, but wakes every waiting WaitToReadAsync. With 128 idle filers that was ~100 thread-pool work
            // items (and a new wait object each) per delivery, and most of the host's context switches.
            while (true)
            {
                var delivery = await _ready.Reader.ReadAsync(cancellationToken);
                try
                {
                    await FileOneAsync(delivery, cancellationToken);
                }
                finally
                {
                    _held.TryRemove(delivery.Id, out _);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping: what is not filed stays in the inbox for the next start.
        }
    }

    /// <summary>Files one delivery and removes it from the inbox; false (and kept for later) when storage is unavailable.</summary>
    private async Task<bool> FileOneAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _intake.FileAsync(delivery.Webhook, cancellationToken, delivery.ReceivedAt);
            if (result.Rejection?.Kind == RejectionKind.StorageUnavailable)
            {
                MarkBehind();
                return false;
            }

            await _inbox.RemoveAsync(delivery.Id, cancellationToken);
            _failures.TryRemove(delivery.Id, out _);
            return true;
        }
        catch (StorageUnavailableException)
        {
            MarkBehind();
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Retried by the next catch-up round; a delivery that keeps failing (a defect) must not be retried
            // forever nor lost: it goes to quarantine.
            var failures = _failures.AddOrUpdate(delivery.Id, 1, (_, n) => n + 1);
            LogFilingFailed(_logger, delivery.Webhook.Source, delivery.Id, failures, ex);
            if (failures < FailuresBeforeQuarantine)
            {
                MarkBehind();
                return false;
            }

            _failures.TryRemove(delivery.Id, out _);
            return await QuarantineAsync(delivery, ex, cancellationToken);
        }
    }

    private async Task<bool> QuarantineAsync(InboxDelivery delivery, Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            await _intake.QuarantineUnfiledAsync(delivery.Webhook, $"Filing failed ({failure.GetType().Name}).", cancellationToken);
            await _inbox.RemoveAsync(delivery.Id, cancellationToken);
            return true;
        }
        catch (StorageUnavailableException)
        {
            MarkBehind();
            return false;
        }
    }

    /// <summary>Reads overflowed deliveries back by id, oldest first, as the buffer makes room for them.</summary>
    private async Task OverflowLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _overflowed.WaitAsync(cancellationToken);
                await _ready.Writer.WaitToWriteAsync(cancellationToken);
                var ids = TakeOverflowed();
                foreach (var (id, delivery) in await ReadBackAsync(ids, cancellationToken))
                {
                    if (delivery is null)
                    {
                        _held.TryRemove(id, out _);
                        continue;
                    }

                    await _ready.Writer.WriteAsync(delivery, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping: overflowed deliveries stay in the inbox for the next start.
        }
    }

    /// <summary>
    /// The next overflowed ids, oldest first, as many as the buffer has room for (at least the one signalled, at most
    /// <see cref="ReadBackBatch"/>): read back together, a second of arrivals costs one storage read, not one each.
    /// </summary>
    private List<string> TakeOverflowed()
    {
        var room = Math.Clamp(_options.InboxBuffer - _ready.Reader.Count, 1, ReadBackBatch);
        var ids = new List<string>(room);
        if (_overflow.TryDequeue(out var first))
        {
            ids.Add(first);
        }

        while (ids.Count < room && _overflowed.Wait(0))
        {
            if (_overflow.TryDequeue(out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>
    /// The overflowed deliveries in the order asked, each null when it is gone (filed) or storage is down (the catch-up
    /// reads it then).
    /// </summary>
    private async Task<IReadOnlyList<(string Id, InboxDelivery? Delivery)>> ReadBackAsync(List<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            var found = (await _inbox.GetManyAsync(ids, cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
            return [.. ids.Select(id => (id, found.GetValueOrDefault(id)))];
        }
        catch (StorageUnavailableException)
        {
            MarkBehind();
            return [.. ids.Select(id => (id, (InboxDelivery?)null))];
        }
        finally
        {
            Interlocked.Add(ref _overflowCount, -ids.Count);
        }
    }

    private async Task CatchUpLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref _behind, 0) == 1)
                {
                    await CatchUpRoundAsync(cancellationToken);
                    await Task.Delay(RoundGap, _timeProvider, cancellationToken);
                    continue;
                }

                await _wake.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>
    /// Pages through the inbox oldest first, queueing what this instance does not hold, each delivery once per round;
    /// the next page is read when the filers have taken the previous one.
    /// </summary>
    private async Task CatchUpRoundAsync(CancellationToken cancellationToken)
    {
        var before = _timeProvider.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var fresh = (await _inbox.ListAsync(before, PageSize, cancellationToken)).Where(d => seen.Add(d.Id)).ToList();
                if (fresh.Count == 0)
                {
                    return;
                }

                LogCatchUp(_logger, fresh.Count);
                foreach (var delivery in fresh.Where(d => _held.TryAdd(d.Id, 0)))
                {
                    await _ready.Writer.WriteAsync(delivery, cancellationToken);
                }

                while (_ready.Reader.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), _timeProvider, cancellationToken);
                }
            }
        }
        catch (StorageUnavailableException)
        {
            MarkBehind();
        }
    }

    public void Dispose()
    {
        _wake.Dispose();
        _overflowed.Dispose();
    }

    private void MarkBehind()
    {
        if (_options.Filing == InboxFilingMode.Queue)
        {
            return;
        }

        if (Interlocked.Exchange(ref _behind, 1) == 0)
        {
            _wake.Release();
        }
    }

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Inbox catch-up: {Count} stored deliveries queued for filing")]
    private static partial void LogCatchUp(ILogger logger, int count);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Filing {Source} inbox delivery {DeliveryId} failed (attempt {Attempt}); the third failure quarantines it")]
    private static partial void LogFilingFailed(ILogger logger, string source, string deliveryId, int attempt, Exception exception);
}

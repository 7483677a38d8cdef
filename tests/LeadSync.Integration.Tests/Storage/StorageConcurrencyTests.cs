using LeadSync.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LeadSync.Integration.Tests.Storage;

public sealed class StorageConcurrencyTests
{
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(25);

    [Fact]
    public async Task Background_work_never_takes_the_request_path_reserve_and_yields_slots_to_requests_in_progress()
    {
        var time = new FakeTimeProvider();
        var concurrency = new StorageConcurrency(maxConcurrent: 10, requestPathReserve: 4, Target, time);
        var admitted = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            admitted.Add(await concurrency.EnterBackgroundAsync(CancellationToken.None));
        }

        var seventh = concurrency.EnterBackgroundAsync(CancellationToken.None).AsTask();
        Assert.False(seventh.IsCompleted);

        // Requests never wait, even past the total; each one in progress holds back a background slot.
        var requests = Enumerable.Range(0, 12).Select(_ => concurrency.EnterForeground()).ToList();
        Assert.Equal(12, concurrency.ForegroundInFlight);
        concurrency.ExitBackground(admitted[0]);
        Assert.False(seventh.IsCompleted);

        requests.ForEach(concurrency.ExitForeground);
        concurrency.ExitBackground(admitted[1]);
        await seventh;
        Assert.Equal(5, concurrency.BackgroundInFlight);
    }

    [Fact]
    public async Task Slow_storage_shrinks_the_background_limit_to_its_floor_and_fast_storage_grows_it_back_while_work_waits()
    {
        var time = new FakeTimeProvider();
        var concurrency = new StorageConcurrency(maxConcurrent: 64, requestPathReserve: 8, Target, time);
        Assert.Equal(56, concurrency.BackgroundLimit);

        for (var window = 0; window < 20; window++)
        {
            var started = await concurrency.EnterBackgroundAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(200));
            concurrency.ExitBackground(started);
        }

        Assert.Equal(StorageConcurrency.MinimumLimit, concurrency.BackgroundLimit);

        // Work queues behind the small limit while storage answers fast: the limit grows by one per window.
        var open = new List<long>();
        for (var i = 0; i < StorageConcurrency.MinimumLimit; i++)
        {
            open.Add(await concurrency.EnterBackgroundAsync(CancellationToken.None));
        }

        var waiting = Enumerable.Range(0, 3).Select(_ => concurrency.EnterBackgroundAsync(CancellationToken.None).AsTask()).ToList();
        for (var window = 0; window < 3; window++)
        {
            time.Advance(StorageConcurrency.Window);
            var fast = concurrency.EnterForeground();
            time.Advance(TimeSpan.FromMilliseconds(2));
            concurrency.ExitForeground(fast);
        }

        Assert.Equal(StorageConcurrency.MinimumLimit + 3, concurrency.BackgroundLimit);
        await Task.WhenAll(waiting);
        Assert.Equal(StorageConcurrency.MinimumLimit + 3, concurrency.BackgroundInFlight);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_place_without_losing_a_slot()
    {
        var concurrency = new StorageConcurrency(maxConcurrent: 2, requestPathReserve: 0, Target, new FakeTimeProvider());
        var first = await concurrency.EnterBackgroundAsync(CancellationToken.None);
        await concurrency.EnterBackgroundAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = concurrency.EnterBackgroundAsync(cancel.Token).AsTask();
        var next = concurrency.EnterBackgroundAsync(CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        concurrency.ExitBackground(first);

        await next;
        Assert.Equal(2, concurrency.BackgroundInFlight);
    }
}

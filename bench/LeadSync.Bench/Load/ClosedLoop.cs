using System.Diagnostics;

namespace LeadSync.Bench.Load;

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each run the next operation as soon as the previous one finished,
/// for a fixed time. Measures the highest rate the target sustains (throughput).
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadOutcome> RunAsync(int concurrency, TimeSpan duration, Func<int, CancellationToken, Task<bool>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new Latencies();
        int succeeded = 0, failed = 0, next = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var ok = await Attempt.RunAsync(() => operation(Interlocked.Increment(ref next), cancellationToken));
                latencies.Add(clock.Elapsed - started);
                Interlocked.Increment(ref ok ? ref succeeded : ref failed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
        return new LoadOutcome(succeeded, failed, latencies, clock.Elapsed);
    }
}

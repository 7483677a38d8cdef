using System.Diagnostics;

namespace LeadSync.Bench.Load;

/// <summary>
/// Open-loop load at a fixed arrival rate (like real webhook traffic, which does not wait for earlier answers). Each
/// latency counts from the request's scheduled start, so a sender that falls behind shows up in the figures instead of
/// hiding the delay (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    public static async Task<LoadOutcome> RunAsync(double perSecond, TimeSpan duration, Func<int, CancellationToken, Task<bool>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new Latencies();
        int succeeded = 0, failed = 0;
        var total = (int)(perSecond * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / perSecond);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var n = i;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await Attempt.RunAsync(() => operation(n, cancellationToken));
                latencies.Add(clock.Elapsed - scheduled);
                Interlocked.Increment(ref ok ? ref succeeded : ref failed);
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return new LoadOutcome(succeeded, failed, latencies, clock.Elapsed);
    }
}

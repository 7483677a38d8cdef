using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace LeadSync.Reliability.Tests;

/// <summary>
/// What the R2 storage-fault tests (outage and stall) share: the health probe they run through the fault, and the
/// verdict on the answers sent meanwhile (only 202 or a retryable 503 problem, and the fault did meet deliveries).
/// </summary>
public static class StorageFaultVerdict
{
    /// <summary>Asks /api/health every 250 ms until <paramref name="stop"/>; a refused connection is recorded as no status.</summary>
    public static async Task ProbeHealthAsync(HostApi api, Stopwatch clock, ConcurrentQueue<(TimeSpan, HttpStatusCode?)> health, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            HttpStatusCode? status;
            try
            {
                status = await api.HealthAsync();
            }
            catch (HttpRequestException)
            {
                status = null;
            }

            health.Enqueue((clock.Elapsed, status));
            await Task.Delay(250, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Every answer is a 202 or a 503 problem with Retry-After, and at least one 503 shows that the <paramref name="fault"/>
    /// met a delivery. Returns how many were refused.
    /// </summary>
    public static int AssertAcceptedOrRetryable(IReadOnlyList<DeliveryOutcome> answers, string fault)
    {
        Assert.All(answers, a => Assert.True(a.Status is 202 or 503, $"Unexpected answer {a.Status} ({a.MediaType})."));
        Assert.All(answers.Where(a => a.Status == 503), a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.True(a.HasRetryAfter, "A 503 without Retry-After.");
        });
        var refused = answers.Count(a => a.Status == 503);
        Assert.True(refused > 0, $"No delivery met the {fault}: the test proved nothing.");
        return refused;
    }
}

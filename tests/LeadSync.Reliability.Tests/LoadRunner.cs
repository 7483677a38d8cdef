using System.Collections.Concurrent;

namespace LeadSync.Reliability.Tests;

/// <summary>Sends deliveries with bounded parallelism, retrying (as vendors do) those that got no 2xx answer.</summary>
public static class LoadRunner
{
    public static async Task<ConcurrentBag<(string WebhookId, string Email, DeliveryOutcome Outcome)>> SendAsync(
        Func<HostApi> api, IReadOnlyList<(string WebhookId, string Email)> plan, int parallelism, Func<int, Task>? onProgress = null,
        bool retryUntilAccepted = true, CancellationToken cancellationToken = default)
    {
        var accepted = new ConcurrentBag<(string, string, DeliveryOutcome)>();
        var sent = 0;
        using var gate = new SemaphoreSlim(parallelism);
        var tasks = plan.Select(async delivery =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    DeliveryOutcome outcome;
                    try
                    {
                        outcome = await api().DeliverAsync(delivery.WebhookId, delivery.Email, cancellationToken);
                    }
                    catch (HttpRequestException)
                    {
                        outcome = new DeliveryOutcome(0, null, null, false);
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        outcome = new DeliveryOutcome(0, null, null, false);
                    }

                    accepted.Add((delivery.WebhookId, delivery.Email, outcome));
                    if (outcome.Status == 202 || !retryUntilAccepted || attempt > 200)
                    {
                        break;
                    }

                    await Task.Delay(500, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }

            var n = Interlocked.Increment(ref sent);
            if (onProgress is not null)
            {
                await onProgress(n);
            }
        });
        await Task.WhenAll(tasks);
        return accepted;
    }
}

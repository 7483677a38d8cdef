namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Puts every storage request of one client through the process's <see cref="StorageConcurrency"/>: the request-path
/// client's requests are counted (they take slots from background work and their latency feeds the adaptive limit)
/// but never wait; background clients' requests wait for a slot. Placed per retry, before the network time-out
/// starts, so a request waits here, not inside the storage service: Azurite is one Node process that serves requests
/// one after another, and hundreds sent at once queued there past the 5 s time-out, were retried, and cost it the
/// same work again.
/// </summary>
internal sealed class ConcurrentRequestLimit(StorageConcurrency concurrency, bool requestPath) : HttpPipelinePolicy
{
    private const string WaitedProperty = "LeadSync.Storage.SlotWait";

    /// <summary>How long <paramref name="message"/> has waited for slots so far (all tries).</summary>
    internal static TimeSpan WaitedFor(HttpMessage message) =>
        message.TryGetProperty(WaitedProperty, out var waited) && waited is TimeSpan total ? total : TimeSpan.Zero;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (requestPath)
        {
            var started = concurrency.EnterForeground();
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            finally
            {
                concurrency.ExitForeground(started);
            }

            return;
        }

        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var admitted = await concurrency.EnterBackgroundAsync(message.CancellationToken).ConfigureAwait(false);
        AddWait(message, waitStarted);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            concurrency.ExitBackground(admitted);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var started = requestPath ? concurrency.EnterForeground() : concurrency.EnterBackground(message.CancellationToken);
        AddWait(message, waitStarted);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            if (requestPath)
            {
                concurrency.ExitForeground(started);
            }
            else
            {
                concurrency.ExitBackground(started);
            }
        }
    }

    private static void AddWait(HttpMessage message, long waitStarted) =>
        message.SetProperty(WaitedProperty, WaitedFor(message) + System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted));
}

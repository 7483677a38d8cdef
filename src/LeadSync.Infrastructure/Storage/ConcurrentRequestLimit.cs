using Azure.Core;
using Azure.Core.Pipeline;

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
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
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

        var admitted = await concurrency.EnterBackgroundAsync(message.CancellationToken).ConfigureAwait(false);
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
        ArgumentNullException.ThrowIfNull(message);
        var started = requestPath ? concurrency.EnterForeground() : concurrency.EnterBackground(message.CancellationToken);
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
}

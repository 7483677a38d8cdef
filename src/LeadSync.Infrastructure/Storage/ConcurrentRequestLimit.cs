using Azure.Core;
using Azure.Core.Pipeline;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Caps the storage requests this process has open at once (<see cref="StorageOptions.MaxConcurrentRequests"/>), shared
/// by the table and queue clients. Placed per retry, before the network time-out starts, so a request waits here, not
/// inside the storage service: Azurite is one Node process that serves requests one after another, and hundreds sent
/// at once (a CRM batch of 100 finishing means 100 lead writes, report rows and queue deletes) queued there past the
/// 5 s time-out, were retried, and cost it the same work again.
/// </summary>
internal sealed class ConcurrentRequestLimit(int maxConcurrent) : HttpPipelinePolicy
{
    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _slots.WaitAsync(message.CancellationToken).ConfigureAwait(false);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        _slots.Wait(message.CancellationToken);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            _slots.Release();
        }
    }
}

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
    private const string WaitedProperty = "LeadSync.Storage.SlotWait";
    private readonly SemaphoreSlim _slots = new(maxConcurrent, maxConcurrent);

    /// <summary>How long <paramref name="message"/> has waited for slots so far (all tries).</summary>
    internal static TimeSpan WaitedFor(HttpMessage message) =>
        message.TryGetProperty(WaitedProperty, out var waited) && waited is TimeSpan total ? total : TimeSpan.Zero;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        await _slots.WaitAsync(message.CancellationToken).ConfigureAwait(false);
        AddWait(message, waitStarted);
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
        var waitStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        _slots.Wait(message.CancellationToken);
        AddWait(message, waitStarted);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static void AddWait(HttpMessage message, long waitStarted) =>
        message.SetProperty(WaitedProperty, WaitedFor(message) + System.Diagnostics.Stopwatch.GetElapsedTime(waitStarted));
}

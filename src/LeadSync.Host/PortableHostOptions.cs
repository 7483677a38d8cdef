namespace LeadSync.Portable;

/// <summary>
/// Queue-consumer settings of the portable host (<c>LeadSync:Host</c>), mirroring the Functions host.json queue
/// settings (maxDequeueCount, visibilityTimeout, maxPollingInterval, batchSize, batchSize + newBatchThreshold) so both
/// hosts behave alike.
/// </summary>
public sealed class PortableHostOptions
{
    public const string Section = "LeadSync:Host";

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a received message stays invisible; renewed every half of it while the message is handled.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>After this many deliveries a message moves to <c>{queue}-poison</c>.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Messages fetched per poll.</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// Messages of one queue handled at once; a new batch is fetched when at least <see cref="BatchSize"/> slots are
    /// free (host.json: batchSize + newBatchThreshold). Enough in flight lets the sync queue fill CRM batches.
    /// </summary>
    [Range(1, 4096)]
    public int MaxConcurrentMessages { get; set; } = 512;
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Where LeadSync keeps its tables and queues (<c>LeadSync:Storage</c>): a connection string (Azurite, local) or
/// service URIs reached with a managed identity (Azure; shared-key access is disabled there).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "LeadSync:Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix for table names, letting several installations (or test runs) share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Per-request network timeout, kept short so an outage answers 503 quickly.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The limit on open storage requests, unset, against the local emulator (<see cref="MaxConcurrentRequests"/>).</summary>
    public const int EmulatorConcurrentRequests = 16;

    /// <summary>The limit on open storage requests, unset, against a storage account (<see cref="MaxConcurrentRequests"/>).</summary>
    public const int AccountConcurrentRequests = 64;

    /// <summary>
    /// Storage requests one process keeps open at once (tables and queues together; 0 = no limit). More background
    /// requests wait in the process, before their network time-out starts, instead of queueing inside the storage
    /// service past it; webhook requests never wait and take slots from background work. Unset, it is sized for the
    /// storage: <see cref="EmulatorConcurrentRequests"/> against the local emulator, which serves one request at a
    /// time (more in flight only queue inside it, where a webhook's insert cannot overtake them), and
    /// <see cref="AccountConcurrentRequests"/> against a storage account (see <see cref="ConcurrentRequestLimit"/>).
    /// </summary>
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>The limit in force: <see cref="MaxConcurrentRequests"/>, or its default for the storage configured.</summary>
    public int ConcurrentRequestLimit =>
        MaxConcurrentRequests ?? (LocalStorageEmulator.IsTarget(this) ? EmulatorConcurrentRequests : AccountConcurrentRequests);

    /// <summary>Slots of <see cref="MaxConcurrentRequests"/> background work never takes: the webhook request path's share.</summary>
    public int RequestPathReserve { get; set; } = 8;

    /// <summary>
    /// Median storage latency background work aims to stay under: above it the background limit shrinks (never below
    /// 8), at or under it the limit grows back while background work waits. Set it above the account's normal latency.
    /// </summary>
    public TimeSpan LatencyTarget { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Under steady traffic, how long the first write of a group commit (index rows and hints of one partition, inbox
    /// removals of one partition) waits for others to share its storage request; an idle write goes at once. 0 turns
    /// it off (groups then form only behind a write in flight). Never used on the webhook request path.
    /// </summary>
    public TimeSpan GroupCommitLinger { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Under steady traffic, how long the first lead id of a <c>lead-sync</c> message waits for others to share it; an
    /// idle hand-off goes at once. Longer than <see cref="GroupCommitLinger"/>: every message is a put, a receive and a
    /// delete (3 storage transactions however many leads it carries), and the CRM sync batches its upserts anyway.
    /// At 100 leads/s, 250 ms makes messages of about 25 leads instead of about 8. 0 turns it off; at most 1 s.
    /// </summary>
    public TimeSpan LeadSyncLinger { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long the CRM sync may use the version of a lead this process has just written instead of reading it again
    /// (<see cref="Core.Storage.RecentLeadWrites"/>); 0 always reads. At most 30 s: no longer than the time an upsert can
    /// already take to reach the CRM after the sync's read (README, "Batching of the sync queue").
    /// </summary>
    public TimeSpan RecentLeadsMaxAge { get; set; } = TimeSpan.FromSeconds(10);
}

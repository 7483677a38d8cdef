using Azure.Storage.Queues;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Creates table and queue clients once, and each table or queue on first use (so a fresh Azurite or account works
/// without a setup step). Background work (filing, sync, timers) and the webhook request path share one
/// <see cref="StorageConcurrency"/>: the request path has its own table client whose requests never wait, take slots
/// from background work and keep <see cref="StorageOptions.RequestPathReserve"/> to themselves; background requests wait
/// for a slot under a limit that adapts to storage latency.
/// </summary>
public sealed class StorageClients
{
    private readonly TableServiceClient _tables;
    private readonly TableServiceClient _requestPathTables;
    private readonly QueueServiceClient _queues;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tableClients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _requestPathTableClients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queueClients = new();
    private readonly ConcurrentDictionary<string, PartitionWriteCoalescer> _upserts = new();
    private readonly ConcurrentDictionary<string, PartitionWriteCoalescer> _deletes = new();
    private FunnelDayMarks? _dayMarks;

    public StorageClients(IOptions<StorageOptions> options, TimeProvider? timeProvider = null)
    {
        var settings = options.Value;
        _prefix = settings.TablePrefix;
        GroupCommitLinger = settings.GroupCommitLinger;
        LeadSyncLinger = settings.LeadSyncLinger;
        Concurrency = new StorageConcurrency(settings.ConcurrentRequestLimit, settings.RequestPathReserve, settings.LatencyTarget, timeProvider ?? TimeProvider.System);
        var limit = new ConcurrentRequestLimit(Concurrency, requestPath: false);
        var tableOptions = new TableClientOptions();
        Tune(tableOptions, settings.NetworkTimeout, limit, answersASender: false);
        var requestPathOptions = new TableClientOptions();
        Tune(requestPathOptions, settings.NetworkTimeout, new ConcurrentRequestLimit(Concurrency, requestPath: true), answersASender: true);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        Tune(queueOptions, settings.NetworkTimeout, limit, answersASender: false);
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            _tables = new TableServiceClient(settings.ConnectionString, tableOptions);
            _requestPathTables = new TableServiceClient(settings.ConnectionString, requestPathOptions);
            _queues = new QueueServiceClient(settings.ConnectionString, queueOptions);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(settings.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ManagedIdentityClientId));
            _tables = new TableServiceClient(settings.TableServiceUri!, credential, tableOptions);
            _requestPathTables = new TableServiceClient(settings.TableServiceUri!, credential, requestPathOptions);
            _queues = new QueueServiceClient(settings.QueueServiceUri!, credential, queueOptions);
        }
    }

    public TableServiceClient TableService => _tables;

    /// <summary>
    /// How long after a day's last mark its report rollup must have been built to be trusted (<see cref="TableFunnelDays"/>);
    /// index writes slower than half of it mark their day again. Shorter only in tests.
    /// </summary>
    internal TimeSpan FunnelDaySettle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This process's marks of report days (one per process, like the coalescers).</summary>
    internal FunnelDayMarks DayMarks => LazyInitializer.EnsureInitialized(ref _dayMarks, () => new FunnelDayMarks(this));

    /// <summary>The group-commit linger of background writes (<see cref="StorageOptions.GroupCommitLinger"/>).</summary>
    internal TimeSpan GroupCommitLinger { get; }

    /// <summary>The linger of <c>lead-sync</c> hand-offs (<see cref="StorageOptions.LeadSyncLinger"/>).</summary>
    internal TimeSpan LeadSyncLinger { get; }

    /// <summary>How storage concurrency is shared between the request path and background work in this process.</summary>
    internal StorageConcurrency Concurrency { get; }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        TableAsync(_tables, _tableClients, name, cancellationToken);

    /// <summary>
    /// A table for the webhook request path (the inbox insert): its requests never wait for a slot, so a sender's answer
    /// does not queue behind background work in this process; background work yields slots to them.
    /// </summary>
    public Task<TableClient> RequestPathTableAsync(string name, CancellationToken cancellationToken) =>
        TableAsync(_requestPathTables, _requestPathTableClients, name, cancellationToken);

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        Retrying(_queueClients, QueueName(name), async fullName =>
        {
            var client = _queues.GetQueueClient(fullName);
            await StorageCall.RunAsync(() => client.CreateIfNotExistsAsync(cancellationToken: cancellationToken), cancellationToken);
            return client;
        });

    /// <summary>
    /// Upserts (replace) into <paramref name="table"/> through one <see cref="PartitionWriteCoalescer"/> per table and
    /// process: rows of one partition written while another write to it is in flight share a transaction.
    /// </summary>
    internal Task UpsertCoalescedAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken) =>
        _upserts.GetOrAdd(table.Name, _ => new PartitionWriteCoalescer(table, TableTransactionActionType.UpsertReplace, GroupCommitLinger)).UpsertAsync(entity, cancellationToken);

    /// <summary>
    /// Deletes (whatever the ETag) through one delete <see cref="PartitionWriteCoalescer"/> per table and process: rows
    /// of one partition removed together share a transaction. False when the row was not there.
    /// </summary>
    internal Task<bool> DeleteCoalescedAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        _deletes.GetOrAdd(table.Name, _ => new PartitionWriteCoalescer(table, TableTransactionActionType.Delete, GroupCommitLinger)).DeleteAsync(partitionKey, rowKey, cancellationToken);

    /// <summary>Queue names are lower-case; the prefix keeps test runs apart like table names.</summary>
    public string QueueName(string name) => string.IsNullOrEmpty(_prefix) ? name : $"{_prefix.ToLowerInvariant()}-{name}";

    private Task<TableClient> TableAsync(
        TableServiceClient service, ConcurrentDictionary<string, Lazy<Task<TableClient>>> cache, string name, CancellationToken cancellationToken) =>
        Retrying(cache, _prefix + name, async fullName =>
        {
            var client = service.GetTableClient(fullName);
            await StorageCall.RunAsync(() => client.CreateIfNotExistsAsync(cancellationToken), cancellationToken);
            return client;
        });

    private static async Task<T> Retrying<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create)
    {
        var lazy = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // Creation failed (storage down): forget it so the next call tries again.
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }

    private static void Tune(Azure.Core.ClientOptions options, TimeSpan networkTimeout, ConcurrentRequestLimit limit, bool answersASender)
    {
        options.AddPolicy(limit, HttpPipelinePosition.PerRetry);

        // Nothing listens to the SDK's event source or its client activities (outgoing HTTP is traced by OpenTelemetry
        // when an exporter is set): without these the pipeline drops two policies and a header pass per request.
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;

        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = networkTimeout;
        if (answersASender)
        {
            // The request path (inbox write, health probe): all tries of one call share the network time-out, so an
            // outage of any shape is answered 503 within it. Background work keeps a full time-out per try: under
            // load a slow try is better retried than given up.
            options.RetryPolicy = new DeadlineRetryPolicy(
                options.Retry.MaxRetries, networkTimeout, options.Retry.Delay, options.Retry.MaxDelay);
        }
    }
}

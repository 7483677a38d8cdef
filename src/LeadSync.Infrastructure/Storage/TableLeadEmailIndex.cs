namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>LeadsByEmail</c>: partition = SHA-256 (hex) of the normalized address, row = the delivery's derived lead id,
/// property <c>LeadId</c> = the lead it belongs to. One point-partition query per lookup.
/// </summary>
/// <remarks>
/// Every address partition also holds an empty claim row (<see cref="ClaimRow"/>), written in the same entity-group
/// transaction as each delivery row. A first delivery from an address inserts the claim and its own row in one call
/// (<see cref="TryClaimAsync"/>); a 409 means the address is known and the caller looks it up. Partitions written before
/// claims existed have none, so the claim path stays off until the marker row (<see cref="MarkerPartition"/>) says
/// every partition has its claim: written by the first <see cref="BackfillClaimsAsync"/> pass that finds none to add,
/// or at once over an empty table.
/// </remarks>
public sealed class TableLeadEmailIndex(StorageClients clients, TimeProvider timeProvider) : ILeadEmailIndex
{
    /// <summary>The claim's row key: sorts after every lead id (<c>ld_…</c>), and no lead id can take it.</summary>
    public const string ClaimRow = "~claim";

    /// <summary>The marker's partition: address partitions are 64 lower-case hex digits, so none can take it.</summary>
    public const string MarkerPartition = "~claims";

    public const string MarkerRow = "complete";

    /// <summary>While the marker is missing, how often a process reads it again before trying a claim.</summary>
    public static readonly TimeSpan MarkerRecheck = TimeSpan.FromMinutes(1);

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private volatile bool _claimsComplete;
    private long _nextMarkerCheck = long.MinValue;

    public async Task AddAsync(string email, string deliveryLeadId, string leadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var partition = Partition(email);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, deliveryLeadId) { ["LeadId"] = leadId }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, ClaimRow)),
        ];
        await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<LeadEmailEntry>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(email)}");
        return await StorageCall.RunAsync(async () =>
        {
            var entries = new List<LeadEmailEntry>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (row.RowKey != ClaimRow)
                {
                    entries.Add(new LeadEmailEntry(row.RowKey, row.GetString("LeadId") ?? row.RowKey));
                }
            }

            return entries;
        }, cancellationToken);
    }

    public async Task<bool> TryClaimAsync(string email, string deliveryLeadId, CancellationToken cancellationToken)
    {
        if (!await ClaimsCompleteAsync(cancellationToken))
        {
            return false;
        }

        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var partition = Partition(email);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity(partition, ClaimRow)),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, deliveryLeadId) { ["LeadId"] = deliveryLeadId }),
        ];
        try
        {
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Known address (or a concurrent first delivery won, or a retry of ours after a lost answer): look it up.
            return false;
        }
    }

    public async Task<int> BackfillClaimsAsync(CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        if (_claimsComplete || await MarkerExistsAsync(table, cancellationToken))
        {
            _claimsComplete = true;
            return 0;
        }

        var added = 0;
        string? partition = null;
        var claimed = false;
        var rows = table.QueryAsync<TableEntity>(filter: (string?)null, select: KeysOnly, cancellationToken: cancellationToken);
        await StorageCall.RunAsync(async () =>
        {
            // Rows come ordered by partition, then row: one partition at a time, nothing held in memory.
            await foreach (var row in rows)
            {
                if (row.PartitionKey == MarkerPartition)
                {
                    continue;
                }

                if (row.PartitionKey != partition)
                {
                    added += partition is null || claimed ? 0 : await AddClaimAsync(table, partition, cancellationToken);
                    (partition, claimed) = (row.PartitionKey, false);
                }

                claimed |= row.RowKey == ClaimRow;
            }

            added += partition is null || claimed ? 0 : await AddClaimAsync(table, partition, cancellationToken);
        }, cancellationToken);

        // A pass that had to add claims leaves the marker to the next one: an instance of the previous version still
        // filing during a deployment writes rows without claims, and the next pass catches them.
        if (added == 0)
        {
            await WriteMarkerAsync(table, cancellationToken);
            _claimsComplete = true;
        }

        return added;
    }

    public static string Partition(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }

    /// <summary>
    /// True once the marker exists (then for the life of the process); reads it at most once per
    /// <see cref="MarkerRecheck"/> while it is missing. A table with no row at all needs no backfill: the marker is
    /// written at once.
    /// </summary>
    private async Task<bool> ClaimsCompleteAsync(CancellationToken cancellationToken)
    {
        if (_claimsComplete)
        {
            return true;
        }

        var now = timeProvider.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextMarkerCheck);
        if (now < due || Interlocked.CompareExchange(ref _nextMarkerCheck, now + MarkerRecheck.Ticks, due) != due)
        {
            return false;
        }

        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        if (await MarkerExistsAsync(table, cancellationToken) || (await IsEmptyAsync(table, cancellationToken) && await WriteMarkerAsync(table, cancellationToken)))
        {
            _claimsComplete = true;
        }

        return _claimsComplete;
    }

    private static async Task<bool> MarkerExistsAsync(TableClient table, CancellationToken cancellationToken) =>
        (await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, KeysOnly, cancellationToken), cancellationToken)).HasValue;

    private static Task<bool> IsEmptyAsync(TableClient table, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1, select: KeysOnly, cancellationToken: cancellationToken))
            {
                return false;
            }

            return true;
        }, cancellationToken);

    private static async Task<bool> WriteMarkerAsync(TableClient table, CancellationToken cancellationToken)
    {
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow), TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>1 when this call added the claim; 0 when a filing or another instance's pass got there first.</summary>
    private static async Task<int> AddClaimAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, ClaimRow), cancellationToken);
            return 1;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return 0;
        }
    }
}

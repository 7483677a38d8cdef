namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>LeadsByEmail</c>: partition = SHA-256 (hex) of the normalized address, row = the delivery's derived lead id,
/// property <c>LeadId</c> = the lead it belongs to. One point-partition query per lookup.
/// </summary>
/// <remarks>
/// Every address partition also holds a claim row (<see cref="ClaimRow"/>). A first delivery from an address inserts
/// the claim (<see cref="TryClaimAsync"/>); a 409 means the address is known and the caller looks it up. The claim
/// carries the first delivery's entry (<c>LeadId</c>, its delivery being that lead's own id) once
/// <see cref="EmailClaimMarker"/> allows it; before, the claim is empty and inserted in one transaction with the
/// delivery's row. Every later entry is a row, written in one transaction with a merge of the claim that keeps what it
/// carries. Partitions written before claims existed have none, so the claim path stays off until the marker says every
/// partition has its claim: written by the first <see cref="BackfillClaimsAsync"/> pass that finds none to add, or at
/// once over an empty table.
/// </remarks>
public sealed class TableLeadEmailIndex(StorageClients clients, TimeProvider timeProvider) : ILeadEmailIndex
{
    /// <summary>The claim's row key: sorts after every lead id (<c>ld_…</c>), and no lead id can take it.</summary>
    public const string ClaimRow = "~claim";

    private const string LeadIdProperty = "LeadId";

    private readonly EmailClaimMarker _marker = new(timeProvider);

    public async Task AddAsync(string email, string deliveryLeadId, string leadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var partition = Partition(email);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, deliveryLeadId) { [LeadIdProperty] = leadId }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, ClaimRow)),
        ];
        await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<LeadEmailEntry>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(email)}");
        return await StorageCall.RunAsync(async () =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return EntriesOf(rows);
        }, cancellationToken);
    }

    public async Task<bool> TryClaimAsync(string email, string deliveryLeadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var mode = await _marker.ModeAsync(table, cancellationToken);
        if (mode == EmailClaimMode.Off)
        {
            return false;
        }

        var partition = Partition(email);
        try
        {
            if (mode == EmailClaimMode.EntryOnClaim)
            {
                var claim = new TableEntity(partition, ClaimRow) { [LeadIdProperty] = deliveryLeadId };
                await StorageCall.RunAsync(() => table.AddEntityAsync(claim, cancellationToken), cancellationToken);
                return true;
            }

            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, new TableEntity(partition, ClaimRow)),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, deliveryLeadId) { [LeadIdProperty] = deliveryLeadId }),
            ];
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Known address (or a concurrent first delivery won, or a retry of ours after a lost answer): look it up.
            return false;
        }
    }

    /// <summary>
    /// The entries an address partition holds: every delivery row, and the first delivery's entry on the claim unless a
    /// row for that delivery exists (written when that delivery joined another lead, so it supersedes the claim's).
    /// </summary>
    internal static IReadOnlyList<LeadEmailEntry> EntriesOf(IReadOnlyCollection<TableEntity> rows)
    {
        var entries = rows.Where(r => r.RowKey != ClaimRow)
            .Select(r => new LeadEmailEntry(r.RowKey, r.GetString(LeadIdProperty) ?? r.RowKey))
            .ToList();
        foreach (var claim in rows.Where(r => r.RowKey == ClaimRow))
        {
            if (FirstLeadOf(claim) is { } first && !entries.Exists(e => e.DeliveryLeadId == first))
            {
                entries.Add(new LeadEmailEntry(first, first));
            }
        }

        return entries;
    }

    /// <summary>The first delivery's lead a claim carries; null for an empty claim.</summary>
    internal static string? FirstLeadOf(TableEntity claim) => claim.GetString(LeadIdProperty);

    public async Task<int> BackfillClaimsAsync(CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        if (await _marker.CompleteAsync(table, cancellationToken))
        {
            return 0;
        }

        var added = 0;
        string? partition = null;
        var claimed = false;
        var rows = table.QueryAsync<TableEntity>(filter: (string?)null, select: TableColumns.KeysOnly, cancellationToken: cancellationToken);
        await StorageCall.RunAsync(async () =>
        {
            // Rows come ordered by partition, then row: one partition at a time, nothing held in memory.
            await foreach (var row in rows)
            {
                if (row.PartitionKey == EmailClaimMarker.Partition)
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
            await _marker.WriteAsync(table, cancellationToken);
        }

        return added;
    }

    public static string Partition(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
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

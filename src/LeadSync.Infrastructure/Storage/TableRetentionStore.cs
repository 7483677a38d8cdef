namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The retention job's deletions, each reading only what is old:
/// <list type="bullet">
/// <item>raw payloads: the report index (<c>LeadsByDay</c>, partition = day the cycle started) is walked in key order
/// from a stored cursor, one page of at most <c>max</c> leads per run, and only over days entirely before the cutoff;
/// a lead is cleared only when its current cycle started before the cutoff;</item>
/// <item>quarantine: its row keys invert arrival ticks, so the old rows are one key range at the end of the partition;</item>
/// <item>outbox (only used when no channel is configured): one page of at most <c>max</c> rows filtered on <c>StoredAt</c>.</item>
/// </list>
/// </summary>
public sealed class TableRetentionStore(StorageClients clients, TableLeadStore leads) : IRetentionStore
{
    private const string CursorPartition = "cursor";
    private const string RawPayloadCursor = "raw-payloads";

    public async Task<int> PurgeRawPayloadsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        var index = await clients.TableAsync(TableNames.LeadsByDay, cancellationToken);
        var cursors = await clients.TableAsync(TableNames.Retention, cancellationToken);
        var upper = DateOnly.FromDateTime(receivedBefore.UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var cursor = await StorageCall.RunAsync(
            () => cursors.GetEntityIfExistsAsync<TableEntity>(CursorPartition, RawPayloadCursor, cancellationToken: cancellationToken), cancellationToken);
        var filter = cursor.HasValue
            ? TableClient.CreateQueryFilter($"PartitionKey lt {upper} and (PartitionKey gt {cursor.Value!.GetString("Partition")} or (PartitionKey eq {cursor.Value!.GetString("Partition")} and RowKey gt {cursor.Value!.GetString("Row")}))")
            : TableClient.CreateQueryFilter($"PartitionKey lt {upper}");
        var page = await StorageCall.RunAsync(async () =>
        {
            var rows = new List<(string Partition, string Row)>();
            await foreach (var row in index.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: TableColumns.KeysOnly, cancellationToken: cancellationToken))
            {
                rows.Add((row.PartitionKey, row.RowKey));
                if (rows.Count >= max)
                {
                    break;
                }
            }

            return rows;
        }, cancellationToken);

        var cleared = 0;
        foreach (var (_, leadId) in page)
        {
            cleared += await ClearRawPayloadAsync(leadId, receivedBefore, cancellationToken) ? 1 : 0;
        }

        if (page.Count > 0)
        {
            var last = page[^1];
            var next = new TableEntity(CursorPartition, RawPayloadCursor) { ["Partition"] = last.Partition, ["Row"] = last.Row };
            await StorageCall.RunAsync(() => cursors.UpsertEntityAsync(next, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        }

        return cleared;
    }

    private async Task<bool> ClearRawPayloadAsync(string leadId, DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var lead = await leads.GetAsync(leadId, cancellationToken);
            if (lead?.RawPayload is null || lead.ReceivedAt >= receivedBefore)
            {
                return false;
            }

            if ((await leads.UpdateAsync(new LeadChange(lead with { RawPayload = null }, []), cancellationToken)).Status != LeadUpdateStatus.Conflict)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<int> PurgeQuarantineAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableQuarantineStore.Table, cancellationToken);
        var bound = (long.MaxValue - before.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return await DeletePageAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {"q"} and RowKey gt {bound}"), max, cancellationToken);
    }

    public async Task<int> PurgeOutboxAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Outbox, cancellationToken);
        return await DeletePageAsync(table, TableClient.CreateQueryFilter($"StoredAt lt {before}"), max, cancellationToken);
    }

    private static async Task<int> DeletePageAsync(TableClient table, string filter, int max, CancellationToken cancellationToken)
    {
        var keys = await StorageCall.RunAsync(async () =>
        {
            var rows = new List<(string Partition, string Row)>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: TableColumns.KeysOnly, cancellationToken: cancellationToken))
            {
                rows.Add((row.PartitionKey, row.RowKey));
                if (rows.Count >= max)
                {
                    break;
                }
            }

            return rows;
        }, cancellationToken);
        foreach (var (partition, row) in keys)
        {
            await StorageCall.RunAsync(() => table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken), cancellationToken);
        }

        return keys.Count;
    }
}

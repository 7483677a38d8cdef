namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The synced CRM users in table <c>People</c>: partition = CRM provider, one row per user (row key = the user id)
/// and a <c>_sync</c> row with the time of the last complete sync. A sync upserts every user in batches of 100 and
/// then deletes the rows of users the CRM no longer lists, so running it twice (or two at once) stores the same rows.
/// </summary>
public sealed class TablePeopleStore(StorageClients clients) : IPeopleStore
{
    private const string SyncRow = "_sync";
    private const int BatchSize = 100;

    public async Task<SyncedPeople> GetAsync(string crm, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.People, cancellationToken);
        var partition = TableKey.Escape(crm);
        return await StorageCall.RunAsync(async () =>
        {
            var users = new List<SyncedUser>();
            DateTimeOffset? syncedAt = null;
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                if (row.RowKey == SyncRow)
                {
                    syncedAt = row.GetDateTimeOffset("SyncedAt");
                }
                else
                {
                    users.Add(FromEntity(row));
                }
            }

            return new SyncedPeople(users, syncedAt);
        }, cancellationToken);
    }

    public async Task ReplaceAsync(string crm, IReadOnlyList<SyncedUser> users, DateTimeOffset syncedAt, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.People, cancellationToken);
        var partition = TableKey.Escape(crm);
        var keep = new HashSet<string>(StringComparer.Ordinal) { SyncRow };
        var rows = users.GroupBy(u => TableKey.Escape(u.CrmUserId), StringComparer.Ordinal).Select(g => ToEntity(partition, g.Key, g.First())).ToList();
        keep.UnionWith(rows.Select(r => r.RowKey));
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
        }

        var stale = new List<TableEntity>();
        await StorageCall.RunAsync(async () =>
        {
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: TableColumns.KeysOnly, cancellationToken: cancellationToken))
            {
                if (!keep.Contains(row.RowKey))
                {
                    stale.Add(row);
                }
            }

            return 0;
        }, cancellationToken);
        foreach (var chunk in stale.Chunk(BatchSize))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)).ToList();
            try
            {
                await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // A concurrent sync removed some of them already; the next sync removes any left.
            }
        }

        var marker = new TableEntity(partition, SyncRow) { ["SyncedAt"] = syncedAt, ["Users"] = rows.Count };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    private static TableEntity ToEntity(string partition, string rowKey, SyncedUser user) => new(partition, rowKey)
    {
        ["CrmUserId"] = user.CrmUserId,
        ["Email"] = user.Email,
        ["Name"] = user.Name,
        ["Active"] = user.Active,
        ["Manager"] = user.ManagerCrmUserId,
        ["Teams"] = user.Teams.Count == 0 ? null : JsonSerializer.Serialize(user.Teams.Select(t => new[] { t.Id, t.Name }).ToList()),
    };

    private static SyncedUser FromEntity(TableEntity e)
    {
        var teams = e.GetString("Teams") is { Length: > 0 } json
            ? (JsonSerializer.Deserialize<List<string?[]>>(json) ?? []).Where(t => t.Length > 0 && t[0] is not null).Select(t => new SyncedTeam(t[0]!, t.Length > 1 ? t[1] : null)).ToList()
            : [];
        return new SyncedUser(e.GetString("CrmUserId") ?? e.RowKey, e.GetString("Email"), e.GetString("Name"), e.GetBoolean("Active") ?? true)
        {
            ManagerCrmUserId = e.GetString("Manager"),
            Teams = teams,
        };
    }
}

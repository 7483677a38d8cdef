namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Admin configuration in one partition per resource: the <c>current</c> row and an append-only <c>v{version}</c>
/// row per change, written together in one entity-group transaction conditioned on the current row's ETag.
/// </summary>
public sealed class TableAdminConfigStore(StorageClients clients, TimeProvider timeProvider) : IAdminConfigStore
{
    private const string CurrentRow = "current";

    public async Task<AdminConfigVersion?> GetCurrentAsync(string resource, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.AdminConfig, cancellationToken);
        var row = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(resource, CurrentRow, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? ToVersion(row.Value!) : null;
    }

    public async Task<AdminSaveResult> SaveAsync(string resource, int expectedVersion, string json, string historyJson, string changedBy,
        IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.AdminConfig, cancellationToken);
        var currentRow = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(resource, CurrentRow, cancellationToken: cancellationToken), cancellationToken);
        var currentVersion = currentRow.HasValue ? currentRow.Value!.GetInt32("Version") ?? 0 : 0;
        if (currentVersion != expectedVersion)
        {
            return AdminSaveResult.Conflict;
        }

        var saved = new AdminConfigVersion(resource, expectedVersion + 1, json, changedBy, timeProvider.GetUtcNow(), changes);
        var actions = new List<TableTransactionAction>
        {
            currentRow.HasValue
                ? new(TableTransactionActionType.UpdateReplace, ToEntity(CurrentRow, saved), currentRow.Value!.ETag)
                : new(TableTransactionActionType.Add, ToEntity(CurrentRow, saved)),
            new(TableTransactionActionType.Add, ToEntity(VersionRow(saved.Version), saved with { Json = historyJson })),
        };
        try
        {
            await StorageCall.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
            return new AdminSaveResult(saved);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another admin saved between our read and our write.
            return AdminSaveResult.Conflict;
        }
    }

    public async Task<IReadOnlyList<AdminConfigVersion>> GetHistoryAsync(string resource, int max, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.AdminConfig, cancellationToken);

        // Version rows sort newest first (inverted number), so the newest page is read without a scan of older ones.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {resource} and RowKey ge {"v"} and RowKey lt {"w"}");
        return await StorageCall.RunAsync(async () =>
        {
            var rows = new List<AdminConfigVersion>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
            {
                rows.Add(ToVersion(row));
                if (rows.Count >= max)
                {
                    break;
                }
            }

            return rows;
        }, cancellationToken);
    }

    private static string VersionRow(int version) => string.Create(CultureInfo.InvariantCulture, $"v{int.MaxValue - version:D10}");

    private static TableEntity ToEntity(string rowKey, AdminConfigVersion version) => new(version.Resource, rowKey)
    {
        ["Version"] = version.Version,
        ["Json"] = version.Json,
        ["ChangedBy"] = version.ChangedBy,
        ["ChangedAt"] = version.ChangedAt,
        ["Changes"] = JsonSerializer.Serialize(version.Changes),
    };

    private static AdminConfigVersion ToVersion(TableEntity row) => new(
        row.PartitionKey,
        row.GetInt32("Version") ?? 0,
        row.GetString("Json") ?? "{}",
        row.GetString("ChangedBy") ?? string.Empty,
        row.GetDateTimeOffset("ChangedAt") ?? default,
        JsonSerializer.Deserialize<List<string>>(row.GetString("Changes") ?? "[]") ?? []);
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>CrmChanges</c>. Handled events: partition <c>e-{provider}-{first two hex of the key hash}</c>, row = SHA-256
/// (hex) of the vendor event key (keys may hold characters table keys forbid). Record clocks: partition
/// <c>w-{provider}</c>, row = hash of (record id, aspect), property <c>At</c>, moved forward with ETag conditions.
/// </summary>
public sealed class TableCrmChangeLog(StorageClients clients) : ICrmChangeLog
{
    public const string Table = "CrmChanges";
    private const int MaxAttempts = 5;

    public async Task<bool> WasHandledAsync(string provider, string eventKey, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var hash = Hash(eventKey);
        var row = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(EventPartition(provider, hash), hash, ["At"], cancellationToken), cancellationToken);
        return row.HasValue;
    }

    public async Task MarkHandledAsync(string provider, string eventKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var hash = Hash(eventKey);
        var row = new TableEntity(EventPartition(provider, hash), hash) { ["At"] = at };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<bool> TryAdvanceAsync(string provider, string recordId, string aspect, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var partition = $"w-{Safe(provider)}";
        var rowKey = Hash(recordId + "\n" + aspect);
        for (var attempt = 1; ; attempt++)
        {
            var current = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken), cancellationToken);
            if (current.HasValue && current.Value!.GetDateTimeOffset("At") is { } seen && seen > occurredAt)
            {
                return false;
            }

            var row = new TableEntity(partition, rowKey) { ["At"] = occurredAt };
            try
            {
                await StorageCall.RunAsync(() => current.HasValue
                    ? table.UpdateEntityAsync(row, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(row, cancellationToken), cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another change to the same record moved the clock meanwhile: read it again and decide again.
            }
        }
    }

    private static string EventPartition(string provider, string hash) => $"e-{Safe(provider)}-{hash[..2]}";

    private static string Safe(string provider) => new([.. provider.Where(char.IsAsciiLetterOrDigit)]);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>Dead letters in table <c>DeadLetters</c> (one partition, row key = id).</summary>
public sealed class TableDeadLetterStore(StorageClients clients) : IDeadLetterStore
{
    public const string Table = "DeadLetters";
    private const string Partition = "dl";

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(ToEntity(deadLetter), TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!id.StartsWith("dl_ld_", StringComparison.Ordinal) || id.Length > 64 || id.AsSpan(3).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_") >= 0)
        {
            return null;
        }

        var table = await clients.TableAsync(Table, cancellationToken);
        var row = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        var all = await StorageCall.RunAsync(async () =>
        {
            var items = new List<DeadLetter>();
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                items.Add(FromEntity(row));
            }

            return items;
        }, cancellationToken);
        return all.OrderByDescending(d => d.At).Take(max).ToList();
    }

    public async Task<bool> UpdateAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(Table, cancellationToken);
        try
        {
            await StorageCall.RunAsync(() => table.UpdateEntityAsync(ToEntity(deadLetter), new ETag(deadLetter.ETag ?? "*"), TableUpdateMode.Replace, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(DeadLetter d) => new(Partition, d.Id)
    {
        ["LeadId"] = d.LeadId,
        ["Crm"] = d.Crm,
        ["Reason"] = d.Reason,
        ["Kind"] = d.Kind.ToString(),
        ["Attempts"] = d.Attempts,
        ["At"] = d.At,
        ["ReplayedAt"] = d.ReplayedAt,
    };

    private static DeadLetter FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        LeadId = e.GetString("LeadId") ?? string.Empty,
        Crm = e.GetString("Crm") ?? string.Empty,
        Reason = e.GetString("Reason") ?? string.Empty,
        Kind = Enum.TryParse<CrmOutcomeKind>(e.GetString("Kind"), out var kind) ? kind : CrmOutcomeKind.Permanent,
        Attempts = e.GetInt32("Attempts") ?? 0,
        At = e.GetDateTimeOffset("At") ?? default,
        ReplayedAt = e.GetDateTimeOffset("ReplayedAt"),
        ETag = e.ETag.ToString(),
    };
}

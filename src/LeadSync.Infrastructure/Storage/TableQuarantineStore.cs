namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Quarantine in table <c>Quarantine</c> (one partition, row key = id, which sorts newest first). The raw body, the
/// headers and the field errors are split over binary properties of at most 60 KB, so a full 256 KB delivery with
/// 32 KB of headers fits in one entity.
/// </summary>
public sealed class TableQuarantineStore(StorageClients clients) : SinglePartitionTable<QuarantineItem>(clients, Table, "q"), IQuarantineStore
{
    public const string Table = "Quarantine";

    public Task AddAsync(QuarantineItem item, CancellationToken cancellationToken) => UpsertAsync(item, cancellationToken);

    public Task<QuarantineItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? FindAsync(RowKey(id), cancellationToken) : Task.FromResult<QuarantineItem?>(null);

    public async Task<IReadOnlyList<QuarantineItem>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        return await StorageCall.RunAsync(async () =>
        {
            var items = new List<QuarantineItem>();
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
            {
                items.Add(FromEntity(row));
                if (items.Count >= max)
                {
                    break;
                }
            }

            return (IReadOnlyList<QuarantineItem>)items;
        }, cancellationToken);
    }

    public Task<bool> UpdateAsync(QuarantineItem item, CancellationToken cancellationToken) => ReplaceIfUnchangedAsync(item, item.ETag, cancellationToken);

    private static bool IsId(string id) => id.Length == 32 && id.StartsWith("q_", StringComparison.Ordinal) && id.AsSpan(2).IndexOfAnyExcept("0123456789abcdef_") < 0;

    /// <summary>Newest first: the row key inverts the ticks embedded in the id.</summary>
    private static string RowKey(string id) => $"{long.MaxValue - long.Parse(id.AsSpan(2, 19), System.Globalization.CultureInfo.InvariantCulture):D19}{id[21..]}";

    protected override TableEntity ToEntity(QuarantineItem item)
    {
        var entity = new TableEntity(Partition, RowKey(item.Id))
        {
            ["Id"] = item.Id,
            ["Source"] = item.Source,
            ["ReceivedAt"] = item.ReceivedAt,
            ["Reason"] = item.Reason,
            ["ContentType"] = item.ContentType,
            ["RequestUri"] = item.RequestUri.ToString(),
            ["ReplayedAt"] = item.ReplayedAt,
            ["LeadIds"] = string.Join(',', item.LeadIds),
        };

        // Headers (up to 32 KB, which JSON may escape sixfold) and field errors (a 1,000-event batch) can outgrow a
        // 64 KB string property just like the body: all three are stored as UTF-8 bytes in chunks.
        ChunkedProperties.Put(entity, "Body", item.Body);
        ChunkedProperties.Put(entity, "Headers", JsonSerializer.SerializeToUtf8Bytes(item.Headers));
        ChunkedProperties.Put(entity, "Errors", JsonSerializer.SerializeToUtf8Bytes(item.Errors));
        return entity;
    }

    protected override QuarantineItem FromEntity(TableEntity e)
    {
        return new QuarantineItem
        {
            Id = e.GetString("Id") ?? string.Empty,
            Source = e.GetString("Source") ?? string.Empty,
            ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
            Reason = e.GetString("Reason") ?? string.Empty,
            Errors = JsonSerializer.Deserialize<Dictionary<string, string[]>>(ChunkedProperties.Get(e, "Errors", "{}")) ?? [],
            ContentType = e.GetString("ContentType"),
            RequestUri = new Uri(e.GetString("RequestUri") ?? "http://localhost/"),
            Headers = JsonSerializer.Deserialize<Dictionary<string, string>>(ChunkedProperties.Get(e, "Headers", "{}")) ?? [],
            ReplayedAt = e.GetDateTimeOffset("ReplayedAt"),
            LeadIds = (e.GetString("LeadIds") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
            Body = ChunkedProperties.Get(e, "Body", string.Empty),
            ETag = e.ETag.ToString(),
        };
    }
}

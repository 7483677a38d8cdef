namespace LeadSync.Infrastructure.Storage;

/// <summary>Dead letters in table <c>DeadLetters</c> (one partition, row key = id).</summary>
public sealed class TableDeadLetterStore(StorageClients clients) : SinglePartitionTable<DeadLetter>(clients, Table, "dl"), IDeadLetterStore
{
    public const string Table = "DeadLetters";

    public Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => UpsertAsync(deadLetter, cancellationToken);

    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken) =>
        !id.StartsWith("dl_ld_", StringComparison.Ordinal) || id.Length > 64 || id.AsSpan(3).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_") >= 0
            ? Task.FromResult<DeadLetter?>(null)
            : FindAsync(id, cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
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

    public Task<bool> UpdateAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => ReplaceIfUnchangedAsync(deadLetter, deadLetter.ETag, cancellationToken);

    protected override TableEntity ToEntity(DeadLetter d) => new(Partition, d.Id)
    {
        ["LeadId"] = d.LeadId,
        ["Crm"] = d.Crm,
        ["Reason"] = d.Reason,
        ["Kind"] = d.Kind.ToString(),
        ["Attempts"] = d.Attempts,
        ["At"] = d.At,
        ["ReplayedAt"] = d.ReplayedAt,
    };

    protected override DeadLetter FromEntity(TableEntity e) => new()
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

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>Erasures</c>: partition = the record key (<c>e-{sha256 of the e-mail}</c> or <c>l-{lead id}</c>), row
/// <c>record</c> = the anonymized record (ETag-conditioned), rows <c>a|{ticks}|…</c> = the audit of each request.
/// </summary>
public sealed class TableErasureLog(StorageClients clients) : IErasureLog
{
    private const string RecordRow = "record";
    private const string AuditPrefix = "a|";

    public async Task<ErasureRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Erasures, cancellationToken);
        var row = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(key, RecordRow, cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> SaveAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Erasures, cancellationToken);
        var entity = ToEntity(record);
        try
        {
            await StorageCall.RunAsync(
                () => record.ETag is null
                    ? table.AddEntityAsync(entity, cancellationToken)
                    : table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task AddAuditAsync(string key, ErasureAuditEntry entry, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Erasures, cancellationToken);
        var row = new TableEntity(key, string.Create(CultureInfo.InvariantCulture, $"{AuditPrefix}{entry.At.UtcTicks:D19}|{Guid.NewGuid():N}"))
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Reason"] = entry.Reason,
            ["Summary"] = entry.Summary,
        };
        await StorageCall.RunAsync(() => table.AddEntityAsync(row, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<ErasureAuditEntry>> GetAuditAsync(string key, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Erasures, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey ge {AuditPrefix} and RowKey lt {"a}"}");
        return await StorageCall.RunAsync(async () =>
        {
            var entries = new List<ErasureAuditEntry>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                entries.Add(new ErasureAuditEntry(
                    row.GetDateTimeOffset("At") ?? default, row.GetString("Actor") ?? string.Empty, row.GetString("Reason") ?? string.Empty, row.GetString("Summary") ?? string.Empty));
            }

            return (IReadOnlyList<ErasureAuditEntry>)entries;
        }, cancellationToken);
    }

    private static TableEntity ToEntity(ErasureRecord r) => new(r.Key, RecordRow)
    {
        ["LeadIds"] = string.Join(',', r.LeadIds),
        ["Erased"] = JsonSerializer.Serialize(r.Erased),
        ["Targets"] = JsonSerializer.Serialize(r.Targets),
        ["PendingIdentities"] = r.PendingIdentities.Count == 0 ? null : JsonSerializer.Serialize(r.PendingIdentities),
        ["FirstRequestedBy"] = r.FirstRequestedBy,
        ["FirstRequestedAt"] = r.FirstRequestedAt,
        ["LastRequestedBy"] = r.LastRequestedBy,
        ["LastRequestedAt"] = r.LastRequestedAt,
        ["Requests"] = r.Requests,
    };

    private static ErasureRecord FromEntity(TableEntity e) => new()
    {
        Key = e.PartitionKey,
        Subject = ErasureRecord.SubjectOf(e.PartitionKey),
        LeadIds = (e.GetString("LeadIds") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
        Erased = JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString("Erased") ?? "{}") ?? [],
        Targets = JsonSerializer.Deserialize<List<TargetErasureState>>(e.GetString("Targets") ?? "[]") ?? [],
        PendingIdentities = e.GetString("PendingIdentities") is { } pending ? JsonSerializer.Deserialize<List<ErasureIdentity>>(pending) ?? [] : [],
        FirstRequestedBy = e.GetString("FirstRequestedBy") ?? string.Empty,
        FirstRequestedAt = e.GetDateTimeOffset("FirstRequestedAt") ?? default,
        LastRequestedBy = e.GetString("LastRequestedBy") ?? string.Empty,
        LastRequestedAt = e.GetDateTimeOffset("LastRequestedAt") ?? default,
        Requests = e.GetInt32("Requests") ?? 0,
        ETag = e.ETag.ToString(),
    };
}

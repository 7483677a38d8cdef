namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Table <c>LeadsByEmail</c>: partition = SHA-256 (hex) of the normalized address, row = the delivery's derived lead id,
/// property <c>LeadId</c> = the lead it belongs to. One point-partition query per lookup.
/// </summary>
public sealed class TableLeadEmailIndex(StorageClients clients) : ILeadEmailIndex
{
    public async Task AddAsync(string email, string deliveryLeadId, string leadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.LeadsByEmail, cancellationToken);
        var row = new TableEntity(Partition(email), deliveryLeadId) { ["LeadId"] = leadId };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
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
                entries.Add(new LeadEmailEntry(row.RowKey, row.GetString("LeadId") ?? row.RowKey));
            }

            return entries;
        }, cancellationToken);
    }

    public static string Partition(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }
}

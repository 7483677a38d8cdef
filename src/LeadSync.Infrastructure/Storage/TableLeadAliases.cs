namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// <see cref="ILeadAliases"/> in the <c>Leads</c> table: a row <c>filed-under</c> in the partition of the delivery's
/// derived id (where the lead would have been), property <c>LeadId</c>. One point read; the partition holds no lead row.
/// </summary>
public sealed class TableLeadAliases(StorageClients clients) : ILeadAliases
{
    public const string AliasRowKey = "filed-under";

    public async Task AddAsync(string deliveryLeadId, string leadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var row = new TableEntity(deliveryLeadId, AliasRowKey) { ["LeadId"] = leadId };
        await StorageCall.RunAsync(() => table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<string?> FindAsync(string deliveryLeadId, CancellationToken cancellationToken)
    {
        if (!LeadIdFactory.IsWellFormed(deliveryLeadId))
        {
            return null;
        }

        var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
        var response = await StorageCall.RunAsync(
            () => table.GetEntityIfExistsAsync<TableEntity>(deliveryLeadId, AliasRowKey, cancellationToken: cancellationToken),
            cancellationToken);
        return response.HasValue ? response.Value!.GetString("LeadId") : null;
    }
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>Answers whether storage is reachable (for <c>GET /api/health</c>).</summary>
public sealed class StorageHealth(StorageClients clients)
{
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var table = await clients.TableAsync(TableNames.Leads, cancellationToken);
            await StorageCall.RunAsync(async () =>
            {
                await foreach (var page in table.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
                {
                    break;
                }
            }, cancellationToken);
            return true;
        }
        catch (Core.Storage.StorageUnavailableException)
        {
            return false;
        }
    }
}

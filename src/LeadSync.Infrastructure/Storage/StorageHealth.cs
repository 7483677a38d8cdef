namespace LeadSync.Infrastructure.Storage;

/// <summary>Answers whether storage is reachable (for <c>GET /api/health</c>).</summary>
public sealed class StorageHealth(StorageClients clients)
{
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The request-path client: a probe is answered within the storage time-out, whatever the outage.
            var table = await clients.RequestPathTableAsync(TableNames.Leads, cancellationToken);
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

using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Hosting;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: 200 with storage and each CRM connection (<c>healthy</c> / <c>degraded</c> /
/// <c>paused</c>), also while a CRM is degraded or paused; 503 problem only when storage is unreachable. A 200 is also
/// <c>degraded</c> (with the setting names in <c>unresolvedSettings</c>) while a Key Vault reference is unresolved.
/// </summary>
public sealed class HealthEndpoints(StorageHealth health, UnresolvedSecretSettings unresolved, CrmHealthReader crm)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        if (!await health.IsReachableAsync(cancellationToken))
        {
            return Unreachable();
        }

        CrmConnectionHealth connection;
        try
        {
            connection = await crm.ReadAsync(cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return Unreachable();
        }

        var healthy = connection.State == "healthy" && unresolved.Keys.Count == 0;
        return TypedResults.Ok(new HealthReport(healthy ? "healthy" : "degraded", "reachable", unresolved.Keys) { Crm = [connection] });
    }

    private static IResult Unreachable() => Problem.Create(503, ProblemTypes.StorageUnavailable, "Unhealthy", "Storage is unreachable.");
}

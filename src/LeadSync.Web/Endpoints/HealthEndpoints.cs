using LeadSync.Core.Storage;
using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: 200 with storage and each CRM connection (<c>healthy</c> / <c>degraded</c> /
/// <c>paused</c>), also while a CRM is degraded or paused; 503 problem only when storage is unreachable.
/// </summary>
public sealed class HealthEndpoints(StorageHealth health, CrmHealthReader crm)
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

        return TypedResults.Ok(new HealthReport(connection.State == "healthy" ? "healthy" : "degraded", "reachable") { Crm = [connection] });
    }

    private static IResult Unreachable() => Problem.Create(503, ProblemTypes.StorageUnavailable, "Unhealthy", "Storage is unreachable.");
}

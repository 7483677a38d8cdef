using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Hosting;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET /api/health</c>: 200 when storage is reachable, 503 problem otherwise. A 200 is <c>degraded</c> (with the
/// setting names in <c>unresolvedSettings</c>) while a Key Vault reference is unresolved: the app runs, without it.
/// </summary>
public sealed class HealthEndpoints(StorageHealth health, UnresolvedSecretSettings unresolved)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken) =>
        await health.IsReachableAsync(cancellationToken)
            ? TypedResults.Ok(new HealthReport(unresolved.Keys.Count == 0 ? "healthy" : "degraded", "reachable", unresolved.Keys))
            : Problem.Create(503, ProblemTypes.StorageUnavailable, "Unhealthy", "Storage is unreachable.");
}

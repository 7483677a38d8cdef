using LeadSync.Infrastructure.Storage;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary><c>GET /api/health</c>: 200 when storage is reachable, 503 problem otherwise.</summary>
public sealed class HealthEndpoints(StorageHealth health)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken) =>
        await health.IsReachableAsync(cancellationToken)
            ? TypedResults.Ok(new HealthReport("healthy", "reachable"))
            : Problem.Create(503, ProblemTypes.StorageUnavailable, "Unhealthy", "Storage is unreachable.");
}

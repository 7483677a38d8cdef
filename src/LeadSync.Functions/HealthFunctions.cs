using LeadSync.Web.Endpoints;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadSync.Functions;

/// <summary>Storage reachability (503 when storage is down).</summary>
public sealed class HealthFunctions(HealthEndpoints endpoints)
{
    [Function("health")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(cancellationToken).AsActionResult();
}

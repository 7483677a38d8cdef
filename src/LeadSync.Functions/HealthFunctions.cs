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

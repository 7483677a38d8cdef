namespace LeadSync.Functions;

/// <summary>A lead and its handoff timeline (admin identity checked by the shared AdminGate).</summary>
public sealed class LeadFunctions(AdminGate gate, LeadEndpoints endpoints)
{
    [Function("lead-get")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Lead)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => endpoints.GetAsync(request, id, cancellationToken)).AsActionResult();
}

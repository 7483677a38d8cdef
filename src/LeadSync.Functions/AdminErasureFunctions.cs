namespace LeadSync.Functions;

/// <summary>Admin: erase a data subject (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminErasureFunctions(AdminGate gate, ErasureEndpoints endpoints)
{
    [Function("admin-erasure")]
    public Task<IActionResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminErasure)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => endpoints.EraseAsync(request, cancellationToken)).AsActionResult();
}

namespace LeadSync.Functions;

/// <summary>Admin: the recycle dry run (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminRecycleFunctions(AdminGate gate, RecycleDryRunEndpoints dryRun)
{
    [Function("admin-recycle-dry-run")]
    public Task<IActionResult> DryRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminRecycleDryRun)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => dryRun.RunAsync(request, cancellationToken)).AsActionResult();
}

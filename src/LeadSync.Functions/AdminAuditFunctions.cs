namespace LeadSync.Functions;

/// <summary>Admin: the audit log of admin actions (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminAuditFunctions(AdminGate gate, AuditEndpoints endpoints)
{
    [Function("admin-audit")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminAudit)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => endpoints.ListAsync(request, cancellationToken)).AsActionResult();
}

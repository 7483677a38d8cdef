namespace LeadSync.Functions;

/// <summary>The closed-loop funnel report (admin identity checked by the shared AdminGate).</summary>
public sealed class ReportFunctions(AdminGate gate, ReportEndpoints endpoints)
{
    [Function("admin-report-funnel")]
    public Task<IActionResult> GetFunnelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminFunnelReport)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => endpoints.GetFunnelAsync(request, cancellationToken)).AsActionResult();
}

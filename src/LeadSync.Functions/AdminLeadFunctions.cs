namespace LeadSync.Functions;

/// <summary>Lead search and the console dashboard (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminLeadFunctions(AdminGate gate, LeadSearchEndpoints search, DashboardEndpoints dashboard)
{
    [Function("admin-leads-search")]
    public Task<IActionResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminLeads)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => search.SearchAsync(request, cancellationToken)).AsActionResult();

    [Function("admin-dashboard")]
    public Task<IActionResult> DashboardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminDashboard)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => dashboard.GetAsync(request, cancellationToken)).AsActionResult();
}

namespace LeadSync.Functions;

/// <summary>Admin configuration: read, conditional write, history, diff, rollback, SLA, qualification and routing dry runs (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminConfigFunctions(
    AdminGate gate,
    AdminConfigEndpoints config,
    SlaDryRunEndpoints dryRun,
    QualificationDryRunEndpoints qualificationDryRun,
    RoutingDryRunEndpoints routingDryRun)
{
    [Function("admin-config-get")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminConfig)] HttpRequest request,
        string resource,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => config.GetAsync(request, resource, cancellationToken)).AsActionResult();

    [Function("admin-config-put")]
    public Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.AdminConfig)] HttpRequest request,
        string resource,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => config.PutAsync(request, resource, cancellationToken)).AsActionResult();

    [Function("admin-config-history")]
    public Task<IActionResult> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminConfigHistory)] HttpRequest request,
        string resource,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => config.HistoryAsync(request, resource, cancellationToken)).AsActionResult();

    [Function("admin-config-diff")]
    public Task<IActionResult> DiffAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminConfigDiff)] HttpRequest request,
        string resource,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => config.DiffAsync(request, resource, cancellationToken)).AsActionResult();

    [Function("admin-config-rollback")]
    public Task<IActionResult> RollbackAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminConfigRollback)] HttpRequest request,
        string resource,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => config.RollbackAsync(request, resource, cancellationToken)).AsActionResult();

    [Function("admin-sla-dry-run")]
    public Task<IActionResult> DryRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminSlaDryRun)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => dryRun.RunAsync(request, cancellationToken)).AsActionResult();

    [Function("admin-qualification-dry-run")]
    public Task<IActionResult> QualificationDryRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminQualificationDryRun)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => qualificationDryRun.RunAsync(request, cancellationToken)).AsActionResult();

    [Function("admin-routing-dry-run")]
    public Task<IActionResult> RoutingDryRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminRoutingDryRun)] HttpRequest request,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => routingDryRun.RunAsync(request, cancellationToken)).AsActionResult();
}

namespace LeadSync.Functions;

/// <summary>Manual run of a timer job (admin identity checked by the shared AdminGate).</summary>
public sealed class AdminJobFunctions(AdminGate gate, JobEndpoints endpoints)
{
    [Function("admin-job-run")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminJobRun)] HttpRequest request,
        string job,
        CancellationToken cancellationToken) =>
        gate.RunAsync(request, () => endpoints.RunAsync(request, job, cancellationToken)).AsActionResult();
}

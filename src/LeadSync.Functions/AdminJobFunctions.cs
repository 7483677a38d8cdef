using LeadSync.Web.Endpoints;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadSync.Functions;

/// <summary>Manual run of a timer job (admin identity checked in shared code).</summary>
public sealed class AdminJobFunctions(JobEndpoints endpoints)
{
    [Function("admin-job-run")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AdminJobRun)] HttpRequest request,
        string job,
        CancellationToken cancellationToken) =>
        endpoints.RunAsync(request, job, cancellationToken).AsActionResult();
}

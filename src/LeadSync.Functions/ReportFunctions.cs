using LeadSync.Web.Endpoints;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadSync.Functions;

/// <summary>The closed-loop funnel report (admin identity checked in shared code).</summary>
public sealed class ReportFunctions(ReportEndpoints endpoints)
{
    [Function("admin-report-funnel")]
    public Task<IActionResult> GetFunnelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.AdminFunnelReport)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.GetFunnelAsync(request, cancellationToken).AsActionResult();
}

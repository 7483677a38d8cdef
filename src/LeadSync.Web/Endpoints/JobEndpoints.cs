using LeadSync.Web.Admin;
using LeadSync.Web.Hosting;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary><c>POST /api/admin/jobs/{job}/run</c>: run a timer job now (admin identity required).</summary>
public sealed class JobEndpoints(JobRunner jobs, AdminAuthorizer authorizer, EndpointGuard guard)
{
    public Task<IResult> RunAsync(HttpRequest request, string job, CancellationToken cancellationToken) =>
        guard.RunAsync("manual job run", async () =>
        {
            if (authorizer.Challenge(request) is { } challenge)
            {
                return challenge;
            }

            var report = await jobs.RunAsync(job, cancellationToken);
            return report is null
                ? Problem.NotFound($"Known jobs: {string.Join(", ", JobRunner.Jobs)}.")
                : TypedResults.Ok(report);
        });
}

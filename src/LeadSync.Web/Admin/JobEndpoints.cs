namespace LeadSync.Web.Admin;

/// <summary><c>POST /api/admin/jobs/{job}/run</c>: run a timer job now (admin identity required).</summary>
public sealed class JobEndpoints(JobRunner jobs, EndpointGuard guard)
{
    public Task<IResult> RunAsync(HttpRequest request, string job, CancellationToken cancellationToken) =>
        guard.RunAsync("manual job run", async () =>
        {
            var report = await jobs.RunAsync(job, cancellationToken);
            return report is null ? Problem.NotFound($"Known jobs: {string.Join(", ", JobRunner.Jobs)}.")
                : report.CrmUnavailable is { } reason ? Problem.CrmUnavailable(
                    $"The CRM could not be read ({reason}). The {job} run went on without it: {report.Acted} acted on, {report.Deferred} deferred; see report.",
                    report.CrmRetryAfter, report)
                : TypedResults.Ok(report);
        });
}

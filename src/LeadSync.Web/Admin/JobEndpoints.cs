namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/jobs/{job}/run</c>: run a timer job now (admin identity required). A known job runs inside its
/// audit entry (<c>job.run</c>), completed with the run's counts.
/// </summary>
public sealed class JobEndpoints(JobRunner jobs, AdminAudit audit, EndpointGuard guard)
{
    public Task<IResult> RunAsync(HttpRequest request, string job, CancellationToken cancellationToken) =>
        guard.RunAsync("manual job run", async () =>
        {
            if (!JobRunner.Jobs.Contains(job, StringComparer.Ordinal))
            {
                return UnknownJob();
            }

            return await audit.RecordAsync(request, AuditActions.JobRun, "job " + job, async note =>
            {
                var report = await jobs.RunAsync(job, cancellationToken);
                if (report is null)
                {
                    return UnknownJob();
                }

                note.Outcome = string.Create(CultureInfo.InvariantCulture,
                    $"{report.Due} due, {report.Acted} acted on, {report.Failed} failed, {report.Deferred} deferred");
                return report.CrmUnavailable is { } reason
                    ? Problem.CrmUnavailable(
                        $"The CRM could not be read ({reason}). The {job} run went on without it: {report.Acted} acted on, {report.Deferred} deferred; see report.",
                        report.CrmRetryAfter, report)
                    : TypedResults.Ok(report);
            }, cancellationToken);
        });

    private static IResult UnknownJob() => Problem.NotFound($"Known jobs: {string.Join(", ", JobRunner.Jobs)}.");
}

namespace LeadSync.Web.Hosting;

/// <summary>
/// Runs a job by name: the one call both hosts' timers (and the manual-run endpoint) make. The report backfill has no
/// timer (it reads every lead); it runs only through <c>POST /api/admin/jobs/report-backfill/run</c>.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes)
{
    public static IReadOnlyList<string> Jobs { get; } = [JobNames.SlaSweep, JobNames.Recycle, JobNames.Redrive, JobNames.Retention, JobNames.PeopleSync, JobNames.ReportBackfill];

    public async Task<JobReport?> RunAsync(string job, CancellationToken cancellationToken)
    {
        using var activity = LeadSyncTelemetry.Source.StartActivity($"job {job}");
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var report = job switch
        {
            JobNames.SlaSweep => await services.GetRequiredService<SlaSweep>().RunAsync(cancellationToken),
            JobNames.Recycle => await services.GetRequiredService<RecycleJob>().RunAsync(cancellationToken),
            JobNames.Redrive => await services.GetRequiredService<RedriveJob>().RunAsync(cancellationToken),
            JobNames.Retention => await services.GetRequiredService<RetentionJob>().RunAsync(cancellationToken),
            JobNames.PeopleSync => await services.GetRequiredService<PeopleSyncJob>().RunAsync(cancellationToken),
            JobNames.ReportBackfill => await services.GetRequiredService<FunnelBackfillJob>().RunAsync(cancellationToken),
            _ => null,
        };

        // A run that completed (the SLA sweep alert fires when none has for three schedules).
        if (report is not null)
        {
            SyncTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job));
        }

        return report;
    }
}

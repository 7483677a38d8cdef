using LeadSync.Infrastructure.Scheduling;

namespace LeadSync.Portable.Jobs;

/// <summary>
/// Runs the timer jobs in the portable host from the same settings and with the same NCRONTAB semantics as the
/// Functions timer triggers. A job never overlaps itself in one process; jobs are safe to overlap across processes.
/// </summary>
public sealed partial class CronJobScheduler(
    JobRunner jobs,
    IOptions<SlaOptions> sla,
    IOptions<RecycleOptions> recycle,
    IOptions<CrmOptions> crm,
    IOptions<RetentionOptions> retention,
    IOptions<PeopleOptions> people,
    TimeProvider timeProvider,
    ILogger<CronJobScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = new Dictionary<string, string>
        {
            [JobNames.SlaSweep] = sla.Value.SweepSchedule,
            [JobNames.Recycle] = recycle.Value.Schedule,
            [JobNames.Redrive] = crm.Value.RedriveSchedule,
            [JobNames.Retention] = retention.Value.Schedule,
            [JobNames.PeopleSync] = people.Value.SyncSchedule,
        };
        return Task.WhenAll(schedules.Select(s => RunOnScheduleAsync(s.Key, CronSchedule.Parse(s.Value), stoppingToken)));
    }

    private async Task RunOnScheduleAsync(string job, CronSchedule schedule, CancellationToken stoppingToken)
    {
        LogScheduled(logger, job, schedule.Expression);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var next = schedule.NextAfter(now);
            try
            {
                await Task.Delay(next - now, timeProvider, stoppingToken);
                await jobs.RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run is logged; the schedule goes on (as a Functions timer would).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRunFailed(logger, ex, job);
            }
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Job {Job} scheduled with '{Schedule}'")]
    private static partial void LogScheduled(ILogger logger, string job, string schedule);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Job {Job} run failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job);
}

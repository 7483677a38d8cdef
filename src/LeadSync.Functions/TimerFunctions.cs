namespace LeadSync.Functions;

/// <summary>The timer jobs; schedules come from the same settings the portable host reads.</summary>
public sealed class TimerFunctions(JobRunner jobs)
{
    [Function(JobNames.SlaSweep)]
    public Task SlaSweepAsync(
        [TimerTrigger("%" + JobNames.SlaSweepScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        jobs.RunAsync(JobNames.SlaSweep, cancellationToken);

    [Function(JobNames.Recycle)]
    public Task RecycleAsync(
        [TimerTrigger("%" + JobNames.RecycleScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        jobs.RunAsync(JobNames.Recycle, cancellationToken);

    [Function(JobNames.Redrive)]
    public Task RedriveAsync(
        [TimerTrigger("%" + JobNames.RedriveScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        jobs.RunAsync(JobNames.Redrive, cancellationToken);

    [Function(JobNames.Retention)]
    public Task RetentionAsync(
        [TimerTrigger("%" + JobNames.RetentionScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        jobs.RunAsync(JobNames.Retention, cancellationToken);

    [Function(JobNames.PeopleSync)]
    public Task PeopleSyncAsync(
        [TimerTrigger("%" + JobNames.PeopleSyncScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        jobs.RunAsync(JobNames.PeopleSync, cancellationToken);
}

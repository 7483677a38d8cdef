namespace LeadSync.Web.Admin;

/// <summary>
/// Loads the admin documents at start and every <see cref="Interval"/>, so changes made through another instance
/// take effect here too (writes through this instance apply at once).
/// </summary>
public sealed partial class AdminConfigurationRefresher(
    IAdminConfigStore store,
    AdminConfigurationSnapshot snapshot,
    TimeProvider timeProvider,
    ILogger<AdminConfigurationRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var resource in AdminResources.All)
        {
            if (await store.GetCurrentAsync(resource, cancellationToken) is { } current && snapshot.Apply(resource, current.Version, current.Json))
            {
                LogApplied(logger, resource, current.Version);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (StorageUnavailableException ex)
            {
                LogStorageUnavailable(logger, ex);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed refresh must never stop the host: the last good documents stay in effect.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRefreshFailed(logger, ex);
            }

            await Task.Delay(Interval, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Admin configuration {Resource} version {Version} is in effect")]
    private static partial void LogApplied(ILogger logger, string resource, int version);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Admin configuration could not be refreshed: storage unavailable")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Error, Message = "Admin configuration could not be refreshed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

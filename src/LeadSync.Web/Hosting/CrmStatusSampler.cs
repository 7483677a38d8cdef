namespace LeadSync.Web.Hosting;

/// <summary>
/// Samples the CRM connection's pause state and the sync backlog once a minute, so the <c>leadsync.crm.paused</c> and
/// <c>leadsync.crm.backlog</c> gauges report even on an instance that handles no sync message (two cheap reads).
/// </summary>
public sealed partial class CrmStatusSampler(CrmHealthReader reader, TimeProvider time, ILogger<CrmStatusSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reader.ReadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Storage down: the gauges keep their last values; health reports the outage.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSampleFailed(logger, ex);
            }

            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Sampling the CRM connection state failed")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}

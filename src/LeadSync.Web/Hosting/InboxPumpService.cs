namespace LeadSync.Web.Hosting;

/// <summary>
/// Runs the <see cref="InboxPump"/> in both hosts (the Functions worker is a generic host too): accepted deliveries
/// are filed as leads moments after their 202. The re-drive timer covers deliveries an instance left behind.
/// </summary>
public sealed class InboxPumpService(InboxPump pump) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => pump.RunAsync(stoppingToken);
}

using Microsoft.Extensions.Hosting;

namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>Says at start-up when the LinkedIn source accepts notifications but cannot complete them (no access token).</summary>
public sealed partial class LinkedInEnrichmentStartupCheck(IOptionsMonitor<LinkedInSourceOptions> options, ILogger<LinkedInEnrichmentStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!string.IsNullOrEmpty(settings.ClientSecret) && !settings.EnrichmentEnabled)
        {
            LogEnrichmentOff(logger, LinkedInSourceOptions.Section + ":AccessToken");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning,
        Message = "LinkedIn enrichment is off: {Setting} is empty, so LinkedIn leads are stored as Received and not completed")]
    private static partial void LogEnrichmentOff(ILogger logger, string setting);
}

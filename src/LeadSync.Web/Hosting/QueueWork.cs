using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Web.Hosting;

/// <summary>Handles one queue message of either work queue: the one call both hosts' queue consumers make.</summary>
public sealed class QueueWork(IServiceScopeFactory scopes)
{
    public static IReadOnlyList<string> Queues { get; } = [QueueNames.LeadSync, QueueNames.Notifications, QueueNames.LeadEnrich, QueueNames.LeadErase];

    public async Task<WorkOutcome> HandleAsync(string queue, string message, CancellationToken cancellationToken) =>
        await HandleAsync(queue, message, 1, cancellationToken);

    public async Task<WorkOutcome> HandleAsync(string queue, string message, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (body, parent) = WorkMessage.Unwrap(message);
        using var activity = LeadSyncTelemetry.Source.StartActivity($"process {queue}", System.Diagnostics.ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.destination.name", queue);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (queue)
        {
            case QueueNames.LeadSync:
                var synced = await services.GetRequiredService<LeadSyncer>().SyncAsync(body.Trim(), cancellationToken);
                return synced.Completed && await services.GetRequiredService<CrmTouchRecorder>().RecordAsync(body.Trim(), cancellationToken) is { Completed: false } retry
                    ? retry
                    : synced;
            case QueueNames.LeadEnrich:
                return await services.GetRequiredService<LeadEnrichment>().EnrichAsync(body.Trim(), cancellationToken);
            case QueueNames.LeadErase:
                return await services.GetRequiredService<LeadErasure>().EraseAsync(body.Trim(), (int)Math.Min(dequeueCount, int.MaxValue), cancellationToken);
            case QueueNames.Notifications:
                return NotifyMessage.TryDecodeAll(body) is { } notices
                    ? await services.GetRequiredService<EscalationDispatcher>().DispatchAllAsync(notices, cancellationToken)
                    : WorkOutcome.Done("malformed message dropped");
            default:
                throw new ArgumentOutOfRangeException(nameof(queue), queue, "Unknown work queue.");
        }
    }

    /// <summary>For Functions queue triggers: throws <see cref="RetryLaterException"/> when the work must be retried.</summary>
    public async Task RunFromTriggerAsync(string queue, string message, long dequeueCount, CancellationToken cancellationToken)
    {
        var outcome = await HandleAsync(queue, message, dequeueCount, cancellationToken);
        if (!outcome.Completed)
        {
            throw new RetryLaterException($"{queue}: {outcome.Detail}; retry after {outcome.RetryAfter}.");
        }
    }
}

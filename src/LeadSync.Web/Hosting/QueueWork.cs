using LeadSync.Core.Crm;
using LeadSync.Core.Crm.Pause;
using LeadSync.Core.Crm.Touches;
using LeadSync.Core.Intake.Enrichment;
using LeadSync.Core.Intake.Erasure;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using LeadSync.Core.Telemetry;
using LeadSync.Infrastructure.Storage;
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

    /// <summary>
    /// Until when the portable consumer should not even receive messages of <paramref name="queue"/>: the lead-sync
    /// queue while the CRM connection is paused (see <see cref="CrmPauseGate"/>); null otherwise.
    /// </summary>
    public async Task<DateTimeOffset?> ClosedUntilAsync(string queue, CancellationToken cancellationToken)
    {
        if (queue != QueueNames.LeadSync)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        return scope.ServiceProvider.GetService<CrmPauseGate>() is { } gate ? await gate.ClosedUntilAsync(cancellationToken) : null;
    }

    /// <summary>
    /// For Functions queue triggers: throws <see cref="RetryLaterException"/> when the work must be retried. Deferred
    /// work (a paused CRM) is sent again with an initial visibility delay and this message completes: the trigger's own
    /// retry would come back after the visibility timeout (30 s), whatever the pause, and count toward maxDequeueCount.
    /// </summary>
    public async Task RunFromTriggerAsync(string queue, string message, long dequeueCount, CancellationToken cancellationToken)
    {
        var outcome = await HandleAsync(queue, message, dequeueCount, cancellationToken);
        if (outcome.Deferred)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<QueueDeferral>().DeferAsync(queue, message, outcome.RetryAfter ?? TimeSpan.Zero, cancellationToken);
            return;
        }

        if (!outcome.Completed)
        {
            throw new RetryLaterException($"{queue}: {outcome.Detail}; retry after {outcome.RetryAfter}.");
        }
    }
}

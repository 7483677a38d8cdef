using LeadSync.Core.Crm;
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
                return await SyncAllAsync(services, LeadSyncMessage.LeadIds(body), cancellationToken);
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
    /// Syncs every lead of a lead-sync message at once (they share CRM batch calls). The message is done when every
    /// lead is; otherwise it comes back after the longest wait a lead asked for, and the leads already synced are
    /// skipped then (a synced lead is no longer sales-ready).
    /// </summary>
    private static async Task<WorkOutcome> SyncAllAsync(IServiceProvider services, IReadOnlyList<string> leadIds, CancellationToken cancellationToken)
    {
        if (leadIds.Count <= 1)
        {
            return leadIds.Count == 0
                ? WorkOutcome.Done("empty message dropped")
                : await services.GetRequiredService<LeadSyncer>().SyncAsync(leadIds[0], cancellationToken);
        }

        var outcomes = await Task.WhenAll(leadIds.Select(id => services.GetRequiredService<LeadSyncer>().SyncAsync(id, cancellationToken)));
        var retries = outcomes.Where(o => !o.Completed).ToList();
        return retries.Count == 0
            ? WorkOutcome.Done($"{leadIds.Count} leads handled")
            : WorkOutcome.Retry(retries.Max(o => o.RetryAfter ?? TimeSpan.Zero), $"{retries.Count} of {leadIds.Count} leads to retry: {retries[0].Detail}");
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

namespace LeadSync.Web.Hosting;

/// <summary>Handles one queue message of either work queue: the one call both hosts' queue consumers make.</summary>
public sealed class QueueWork(IServiceScopeFactory scopes)
{
    public static IReadOnlyList<string> Queues { get; } =
        [QueueNames.InboxFile, QueueNames.LeadSync, QueueNames.Notifications, QueueNames.LeadEnrich, QueueNames.LeadErase, QueueNames.LeadNurture];

    public async Task<WorkOutcome> HandleAsync(string queue, string message, CancellationToken cancellationToken) =>
        await HandleAsync(queue, message, 1, cancellationToken);

    public async Task<WorkOutcome> HandleAsync(string queue, string message, long dequeueCount, CancellationToken cancellationToken)
    {
        var (body, parent) = WorkMessage.Unwrap(message);
        using var activity = LeadSyncTelemetry.Source.StartActivity($"process {queue}", System.Diagnostics.ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.destination.name", queue);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (queue)
        {
            case QueueNames.InboxFile:
                return await services.GetRequiredService<InboxPump>().FileQueuedAsync(InboxFileMessage.DeliveryIds(body), cancellationToken);
            case QueueNames.LeadSync:
                return await SyncAllAsync(services, LeadSyncMessage.LeadIds(body), cancellationToken);
            case QueueNames.LeadEnrich:
                return await services.GetRequiredService<LeadEnrichment>().EnrichAsync(body.Trim(), cancellationToken);
            case QueueNames.LeadNurture:
                return await services.GetRequiredService<NurtureHandOff>().HandAsync(body.Trim(), cancellationToken);
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
    /// Syncs every lead of a lead-sync message at once (they share CRM batch calls). The message is done when every
    /// lead is; otherwise it comes back after the longest wait a lead asked for, and the leads already synced are
    /// skipped then (a synced lead is no longer sales-ready). When every unfinished lead was only deferred (a paused
    /// CRM), the message is deferred too, so a pause never counts a delivery.
    /// </summary>
    private static async Task<WorkOutcome> SyncAllAsync(IServiceProvider services, IReadOnlyList<string> leadIds, CancellationToken cancellationToken)
    {
        // The backlog is sampled in messages; the batcher's threshold is in leads, and its end is the leads taken up.
        using var handling = services.GetRequiredService<SyncBacklogSignal>().Handling(leadIds.Count);
        if (leadIds.Count <= 1)
        {
            return leadIds.Count == 0
                ? WorkOutcome.Done("empty message dropped")
                : await SyncOneAsync(services, leadIds[0], cancellationToken);
        }

        var outcomes = await Task.WhenAll(leadIds.Select(id => SyncOneAsync(services, id, cancellationToken)));
        var unfinished = outcomes.Where(o => !o.Completed).ToList();
        if (unfinished.Count == 0)
        {
            return WorkOutcome.Done($"{leadIds.Count} leads handled");
        }

        var wait = unfinished.Max(o => o.RetryAfter ?? TimeSpan.Zero);
        var detail = $"{unfinished.Count} of {leadIds.Count} leads to retry: {unfinished[0].Detail}";
        return unfinished.All(o => o.Deferred) ? WorkOutcome.Defer(wait, detail) : WorkOutcome.Retry(wait, detail);
    }

    /// <summary>One lead: the upsert, then its marketing touch records (see <see cref="CrmTouchRecorder"/>).</summary>
    private static async Task<WorkOutcome> SyncOneAsync(IServiceProvider services, string leadId, CancellationToken cancellationToken)
    {
        var synced = await services.GetRequiredService<LeadSyncer>().SyncAsync(leadId, cancellationToken);
        return synced.Completed && await services.GetRequiredService<CrmTouchRecorder>().RecordAsync(leadId, cancellationToken) is { Completed: false } retry
            ? retry
            : synced;
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

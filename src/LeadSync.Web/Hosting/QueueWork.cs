using LeadSync.Core.Crm;
using LeadSync.Core.Jobs;
using LeadSync.Core.Notifications;
using LeadSync.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LeadSync.Web.Hosting;

/// <summary>Handles one queue message of either work queue: the one call both hosts' queue consumers make.</summary>
public sealed class QueueWork(IServiceScopeFactory scopes)
{
    public static IReadOnlyList<string> Queues { get; } = [QueueNames.LeadSync, QueueNames.Notifications];

    public async Task<WorkOutcome> HandleAsync(string queue, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (queue)
        {
            case QueueNames.LeadSync:
                return await services.GetRequiredService<LeadSyncer>().SyncAsync(message.Trim(), cancellationToken);
            case QueueNames.Notifications:
                return NotifyMessage.TryDecode(message) is { } notify
                    ? await services.GetRequiredService<EscalationDispatcher>().DispatchAsync(notify, cancellationToken)
                    : WorkOutcome.Done("malformed message dropped");
            default:
                throw new ArgumentOutOfRangeException(nameof(queue), queue, "Unknown work queue.");
        }
    }

    /// <summary>For Functions queue triggers: throws <see cref="RetryLaterException"/> when the work must be retried.</summary>
    public async Task RunFromTriggerAsync(string queue, string message, CancellationToken cancellationToken)
    {
        var outcome = await HandleAsync(queue, message, cancellationToken);
        if (!outcome.Completed)
        {
            throw new RetryLaterException($"{queue}: {outcome.Detail}; retry after {outcome.RetryAfter}.");
        }
    }
}

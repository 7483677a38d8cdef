using System.Diagnostics;
using LeadSync.Core.Crm;
using LeadSync.Core.Telemetry;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Group commit for <c>lead-sync</c> hand-offs: while one message is being sent, the lead ids handed off meanwhile
/// wait and go together in the next message (up to <see cref="LeadSyncMessage.MaxLeads"/>). A lone hand-off is sent
/// at once, so nothing waits for a group to fill; under load many leads share one put (and one delete once synced).
/// Each caller's task ends when the message holding its lead is stored (or fails with that send's error).
/// </summary>
/// <remarks>The message carries the trace context of the first lead in it.</remarks>
internal sealed class QueueSendCoalescer(Func<string, Task> send)
{
    private readonly Lock _lock = new();
    private readonly List<Pending> _waiting = [];
    private bool _sending;

    public Task EnqueueAsync(string leadId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(leadId);
        var pending = new Pending(leadId, Activity.Current);
        bool first;
        lock (_lock)
        {
            first = !_sending;
            if (first)
            {
                _sending = true;
            }
            else
            {
                _waiting.Add(pending);
            }
        }

        if (first)
        {
            _ = Task.Run(() => SendThenDrainAsync([pending]), CancellationToken.None);
        }

        return pending.Sent.Task.WaitAsync(cancellationToken);
    }

    private async Task SendThenDrainAsync(List<Pending> batch)
    {
        while (batch.Count > 0)
        {
            try
            {
                await send(WorkMessage.Wrap(LeadSyncMessage.Of(batch.Select(p => p.LeadId)), batch[0].Trace));
                batch.ForEach(p => p.Sent.TrySetResult());
            }
#pragma warning disable CA1031 // The send's failure is each caller's outcome: every one of them rethrows it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Sent.TrySetException(ex));
            }

            lock (_lock)
            {
                var take = Math.Min(_waiting.Count, LeadSyncMessage.MaxLeads);
                batch = _waiting.GetRange(0, take);
                _waiting.RemoveRange(0, take);
                _sending = batch.Count > 0;
            }
        }
    }

    private sealed class Pending(string leadId, Activity? trace)
    {
        public string LeadId { get; } = leadId;

        public Activity? Trace { get; } = trace;

        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Group commit for id hand-offs (<c>lead-sync</c> lead ids, <c>lead-file</c> delivery ids): while one message is
/// being sent, the ids handed off meanwhile wait and go together in the next message (up to
/// <paramref name="maxIds"/>, joined by <paramref name="compose"/>). Under steady traffic the first id of a message
/// also waits <see cref="GroupCommitLinger"/> for company; an idle hand-off is sent at once, so nothing waits for a
/// group to fill. Many ids share one put (and one delete once handled). Each caller's task ends when the message
/// holding its id is stored (or fails with that send's error).
/// </summary>
/// <remarks>The message carries the trace context of the first id in it.</remarks>
internal sealed class QueueSendCoalescer(Func<string, Task> send, Func<IEnumerable<string>, string> compose, int maxIds, TimeSpan linger = default)
{
    private readonly Lock _lock = new();
    private readonly List<Pending> _waiting = [];
    private readonly GroupCommitLinger _linger = new(linger);
    private bool _sending;

    public Task EnqueueAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var pending = new Pending(id, Activity.Current);
        bool first;
        lock (_lock)
        {
            first = !_sending;
            _sending = true;
            _waiting.Add(pending);
        }

        if (first)
        {
            _ = Task.Run(LingerThenSendAsync, CancellationToken.None);
        }

        return pending.Sent.Task.WaitAsync(cancellationToken);
    }

    private async Task LingerThenSendAsync()
    {
        await _linger.WaitAsync();
        while (true)
        {
            List<Pending> batch;
            lock (_lock)
            {
                var take = Math.Min(_waiting.Count, maxIds);
                batch = _waiting.GetRange(0, take);
                _waiting.RemoveRange(0, take);
                _sending = batch.Count > 0;
                if (batch.Count == 0)
                {
                    return;
                }
            }

            try
            {
                await send(WorkMessage.Wrap(compose(batch.Select(p => p.Id)), batch[0].Trace));
                batch.ForEach(p => p.Sent.TrySetResult());
            }
#pragma warning disable CA1031 // The send's failure is each caller's outcome: every one of them rethrows it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Sent.TrySetException(ex));
            }
        }
    }

    private sealed class Pending(string id, Activity? trace)
    {
        public string Id { get; } = id;

        public Activity? Trace { get; } = trace;

        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

namespace LeadSync.Portable.Queues;

/// <summary>
/// Keeps a queue message hidden while it is handled, as the Functions queue extension does: every half visibility
/// timeout its invisibility is extended by another timeout. Each extension returns a new pop receipt; the final
/// delete or update must use the latest, so <see cref="StopAsync"/> stops renewing and hands it over.
/// </summary>
internal sealed class MessageVisibilityLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibility;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _timer;
    private string _popReceipt;
    private bool _stopped;

    public MessageVisibilityLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider timeProvider)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _visibility = visibility;
        var period = visibility / 2;
        _timer = timeProvider.CreateTimer(_ => _ = RenewAsync(), null, period, period);
    }

    /// <summary>Renewals that failed (the message then reappears after its current timeout, as without renewal).</summary>
    public int FailedRenewals { get; private set; }

    /// <summary>Stops renewing; returns the pop receipt that the final delete or update must use.</summary>
    public async Task<string> StopAsync()
    {
        await _timer.DisposeAsync();
        await _gate.WaitAsync();
        try
        {
            _stopped = true;
            return _popReceipt;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _gate.Dispose();
    }

    private async Task RenewAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            var receipt = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _visibility);
            _popReceipt = receipt.Value.PopReceipt;
        }
#pragma warning disable CA1031 // A lost renewal only means the message may reappear, as it would without one.
        catch (Exception)
#pragma warning restore CA1031
        {
            FailedRenewals++;
        }
        finally
        {
            _gate.Release();
        }
    }
}

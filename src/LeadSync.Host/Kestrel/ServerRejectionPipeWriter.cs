using System.Buffers;

namespace LeadSync.Portable.Kestrel;

/// <summary>
/// The connection's output, held until each flush so a flush that is exactly a Kestrel refusal (see
/// <see cref="ServerRejection"/>) is sent with a problem body; everything else passes through unchanged.
/// </summary>
public sealed class ServerRejectionPipeWriter(PipeWriter inner) : PipeWriter
{
    private const int KeptCapacity = 64 * 1024;
    private ArrayBufferWriter<byte> _pending = new(4096);

    public override bool CanGetUnflushedBytes => true;

    // Response writers (System.Text.Json among them) ask how much is buffered to decide when to flush.
    public override long UnflushedBytes => _pending.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

    public override void Advance(int bytes) => _pending.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Drain();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Drain();
        return inner.CompleteAsync(exception);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Drain();
        return inner.FlushAsync(cancellationToken);
    }

    private void Drain()
    {
        if (_pending.WrittenCount == 0)
        {
            return;
        }

        var written = _pending.WrittenSpan;
        inner.Write(ServerRejection.TryRewrite(written, out var rewritten) ? rewritten : written);
        if (_pending.Capacity > KeptCapacity)
        {
            _pending = new ArrayBufferWriter<byte>(4096); // a large response does not pin its buffer for the connection's life
        }
        else
        {
            _pending.ResetWrittenCount();
        }
    }
}

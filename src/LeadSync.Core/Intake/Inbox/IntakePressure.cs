namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// Webhook requests in progress on this instance. The <see cref="InboxPump"/> does not file while there are any (up to
/// <see cref="IntakeOptions.InboxYieldLag"/>), so storage serves the requests first and a burst is answered fast.
/// </summary>
public sealed class IntakePressure
{
    private int _inFlight;

    public bool Busy => Volatile.Read(ref _inFlight) > 0;

    public void Begin() => Interlocked.Increment(ref _inFlight);

    public void End() => Interlocked.Decrement(ref _inFlight);
}

namespace LeadSync.Core.Intake.Inbox;

/// <summary>
/// Webhook requests in progress on this instance. The <see cref="InboxPump"/> does not file while there are any, nor
/// within <see cref="QuietPeriod"/> of the last one ending (up to <see cref="IntakeOptions.InboxYieldLag"/>), so
/// storage serves the requests first and a burst is answered fast — not only the gaps between its requests.
/// </summary>
public sealed class IntakePressure(TimeProvider timeProvider)
{
    /// <summary>How long intake must have been idle before filing resumes.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(200);

    private int _inFlight;
    private long _lastEnded = long.MinValue;

    public bool Busy => Volatile.Read(ref _inFlight) > 0 || Volatile.Read(ref _lastEnded) is var last && last != long.MinValue && timeProvider.GetElapsedTime(last) < QuietPeriod;

    public void Begin() => Interlocked.Increment(ref _inFlight);

    public void End()
    {
        Volatile.Write(ref _lastEnded, timeProvider.GetTimestamp());
        Interlocked.Decrement(ref _inFlight);
    }
}

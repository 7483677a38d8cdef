namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// How long the first write of a group commit waits for company before it goes: <see cref="StorageOptions.GroupCommitLinger"/>
/// while writes keep coming (the previous group started less than a second ago), nothing on an idle path. Under
/// steady traffic a group then gathers what arrives within the linger instead of only what queued behind a write in
/// flight, so a lead's index rows, hints and hand-offs share storage requests; an idle write (an admin change, a lone
/// webhook) goes at once. Real time, not the business clock: it is a batching delay of microseconds to milliseconds.
/// </summary>
internal sealed class GroupCommitLinger(TimeSpan linger)
{
    /// <summary>Groups started within this of each other count as steady traffic.</summary>
    private const long BusyWithinMs = 1000;

    private long _lastStartMs = long.MinValue / 2;

    public TimeSpan Linger => linger;

    /// <summary>Called as a group starts: completes after the linger under traffic, at once otherwise.</summary>
    public Task WaitAsync()
    {
        var now = Environment.TickCount64;
        var previous = Interlocked.Exchange(ref _lastStartMs, now);
        return linger <= TimeSpan.Zero || now - previous > BusyWithinMs ? Task.CompletedTask : Task.Delay(linger, CancellationToken.None);
    }
}

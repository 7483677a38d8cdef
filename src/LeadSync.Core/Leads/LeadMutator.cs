namespace LeadSync.Core.Leads;

/// <summary>
/// Read–decide–write with optimistic concurrency: reloads and decides again when another writer got there first,
/// so every transition is decided on the latest version and applied exactly once. Between tries it backs off with
/// full jitter (through <see cref="TimeProvider"/>), so writers racing for one lead spread out instead of colliding
/// again; when every try lost, it throws <see cref="LeadContentionException"/> — never the null of "nothing to do".
/// </summary>
public sealed class LeadMutator(ILeadStore store, TimeProvider? timeProvider = null)
{
    /// <summary>Tries before giving up (the first one and the retries).</summary>
    public const int MaxAttempts = 10;

    /// <summary>The back-off cap of one retry; the first retry waits up to <see cref="BaseDelay"/>, each next one twice as long.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>
    /// Applies the change <paramref name="decide"/> returns (null = nothing to do). Returns the written change,
    /// or null when the lead is missing or nothing had to change.
    /// </summary>
    /// <exception cref="LeadContentionException">Every try lost to another writer; nothing was applied.</exception>
    public async Task<LeadChange?> MutateAsync(string leadId, Func<Lead, LeadChange?> decide, CancellationToken cancellationToken)
    {
        var lead = await store.GetAsync(leadId, cancellationToken);
        return lead is null ? null : await MutateAsync(lead, decide, cancellationToken);
    }

    /// <summary>
    /// As above, but decides first on <paramref name="current"/>, a version the caller has already read (one read
    /// fewer). The write is still conditioned on that version's ETag: if the lead changed since, it is reloaded and
    /// decided again.
    /// </summary>
    /// <exception cref="LeadContentionException">Every try lost to another writer; nothing was applied.</exception>
    public async Task<LeadChange?> MutateAsync(Lead current, Func<Lead, LeadChange?> decide, CancellationToken cancellationToken)
    {
        Lead? lead = current;
        for (var attempt = 1; lead is not null; attempt++)
        {
            var change = decide(lead);
            if (change is null)
            {
                return null;
            }

            var result = await store.UpdateAsync(change, cancellationToken);
            if (result.Status == LeadUpdateStatus.Updated)
            {
                return change with { Lead = result.Lead! };
            }

            if (result.Status == LeadUpdateStatus.NotFound)
            {
                return null;
            }

            if (attempt == MaxAttempts)
            {
                await RecordContentionAsync(current.Id, change, cancellationToken);
                throw new LeadContentionException(current.Id, MaxAttempts);
            }

            await Task.Delay(Backoff(attempt), _time, cancellationToken);
            lead = await store.GetAsync(current.Id, cancellationToken);
        }

        return null;
    }

    /// <summary>Full jitter: a random wait up to min(<see cref="MaxDelay"/>, <see cref="BaseDelay"/> × 2^(attempt−1)).</summary>
    internal static TimeSpan Backoff(int attempt)
    {
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, (int)cap + 1));
    }

    /// <summary>
    /// Leaves a trace on the lead's timeline (a row of its own, so it needs no ETag); best effort: the caller keeps
    /// the work whether or not this lands.
    /// </summary>
    private async Task RecordContentionAsync(string leadId, LeadChange lost, CancellationToken cancellationToken)
    {
        var what = lost.Entries.Count > 0 ? string.Join(", ", lost.Entries.Select(e => e.Event).Distinct()) : "an update";
        var entry = new TimelineEntry(_time.GetUtcNow(), "system", LeadEvents.WriteContended,
            $"Other writers changed the lead during {MaxAttempts} tries to write {what}; the work was kept to be retried.");
        try
        {
            await store.AppendTimelineAsync(leadId, entry, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // The contention exception still tells the caller to keep the work.
        }
    }
}

namespace LeadSync.Core.Retention;

/// <summary>
/// The deletions of the retention job, each reading only rows old enough to go (keys sort by time) or one bounded
/// page past a stored cursor, never a whole table. Idempotent; safe to run twice at once. Implemented by storage.
/// </summary>
public interface IRetentionStore
{
    /// <summary>Clears the raw payload of up to <paramref name="max"/> leads whose current cycle started before <paramref name="receivedBefore"/>.</summary>
    Task<int> PurgeRawPayloadsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> quarantined deliveries quarantined before <paramref name="before"/>.</summary>
    Task<int> PurgeQuarantineAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="max"/> outbox rows stored before <paramref name="before"/>.</summary>
    Task<int> PurgeOutboxAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);
}

namespace LeadSync.Core.Storage;

/// <summary>
/// Time-bucketed index of open leads' next deadlines, so timer jobs read only what is due and never scan all leads.
/// </summary>
public interface IDueIndex
{
    Task ScheduleAsync(DueItem item, CancellationToken cancellationToken);

    /// <summary>Items of <paramref name="kind"/> due at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<DueItem>> GetDueAsync(DueKind kind, DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task RemoveAsync(DueItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Files many hints at once (hints that share a time bucket share storage transactions); the same as
    /// <see cref="ScheduleAsync"/> for each, with no order between them.
    /// </summary>
    Task ScheduleAllAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Removes many hints at once (batched like <see cref="ScheduleAllAsync"/>); hints already gone (a concurrent run
    /// removed them) are skipped.
    /// </summary>
    Task RemoveAllAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken);
}

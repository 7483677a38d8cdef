namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// The <c>LeadsByEmail</c> marker row (<see cref="Partition"/>/<see cref="Row"/>) and what it allows
/// (<see cref="EmailClaimMode"/>). The row exists once every stored address has its claim. Its
/// <see cref="EntriesFromProperty"/> says from when a claim may carry the first delivery's entry: versions before that
/// neither read an entry on a claim nor keep it (they rewrite the claim empty), so on a store they may still be filing
/// it starts <see cref="MixedVersionWindow"/> after this version first saw the marker; over a fresh store, at once.
/// </summary>
/// <remarks>
/// Remembered per process once known; while the row, or its time, is missing it is read again at most once per
/// <see cref="Recheck"/>.
/// </remarks>
public sealed class EmailClaimMarker(TimeProvider timeProvider)
{
    /// <summary>Address partitions are 64 lower-case hex digits, so none can take this one.</summary>
    public const string Partition = "~claims";

    public const string Row = "complete";

    public const string EntriesFromProperty = "EntriesOnClaimFrom";

    /// <summary>While the marker or its time is missing, how often a process reads it again.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    /// <summary>How long instances of an earlier version may still be filing after this one started (a deployment's overlap).</summary>
    public static readonly TimeSpan MixedVersionWindow = TimeSpan.FromHours(1);

    private volatile bool _complete;
    private long _entriesFrom = long.MaxValue;
    private long _nextCheck = long.MinValue;

    /// <summary>True once this process has seen the marker and its entries time.</summary>
    public bool Settled => _complete && Interlocked.Read(ref _entriesFrom) != long.MaxValue;

    public async Task<EmailClaimMode> ModeAsync(TableClient table, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        if (!Settled && TakeCheck(now))
        {
            var marker = await ReadAsync(table, cancellationToken);
            if (marker is null && await IsEmptyAsync(table, cancellationToken))
            {
                // A fresh store: no earlier version has written anything here, so entries go on claims at once.
                marker = new TableEntity(Partition, Row) { [EntriesFromProperty] = timeProvider.GetUtcNow() };
                await StorageCall.RunAsync(() => table.UpsertEntityAsync(marker, TableUpdateMode.Replace, cancellationToken), cancellationToken);
            }

            Remember(marker);
        }

        return !_complete ? EmailClaimMode.Off
            : now >= Interlocked.Read(ref _entriesFrom) ? EmailClaimMode.EntryOnClaim
            : EmailClaimMode.ClaimAndRow;
    }

    /// <summary>
    /// For the backfill pass: true when the marker exists (then it also gets its entries time if it has none, set by
    /// exactly one process). False when it is missing: the pass then scans for claims to add.
    /// </summary>
    public async Task<bool> CompleteAsync(TableClient table, CancellationToken cancellationToken)
    {
        if (Settled)
        {
            return true;
        }

        var marker = await ReadAsync(table, cancellationToken);
        if (marker is not null && !marker.ContainsKey(EntriesFromProperty))
        {
            marker = await StampAsync(table, marker, cancellationToken);
        }

        Remember(marker);
        return _complete;
    }

    /// <summary>Written by the first backfill pass that found no claim missing; entries on claims wait out the window.</summary>
    public async Task WriteAsync(TableClient table, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(Partition, Row) { [EntriesFromProperty] = timeProvider.GetUtcNow() + MixedVersionWindow };
        try
        {
            await StorageCall.RunAsync(() => table.AddEntityAsync(marker, cancellationToken), cancellationToken);
            Remember(marker);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Another instance's pass wrote it first: its time counts.
            await CompleteAsync(table, cancellationToken);
        }
    }

    /// <summary>Adds the entries time to a marker written by an earlier version, unless another process did it first.</summary>
    private async Task<TableEntity?> StampAsync(TableClient table, TableEntity marker, CancellationToken cancellationToken)
    {
        var stamp = new TableEntity(Partition, Row) { [EntriesFromProperty] = timeProvider.GetUtcNow() + MixedVersionWindow };
        try
        {
            await StorageCall.RunAsync(() => table.UpdateEntityAsync(stamp, marker.ETag, TableUpdateMode.Merge, cancellationToken), cancellationToken);
            return stamp;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return await ReadAsync(table, cancellationToken);
        }
    }

    private void Remember(TableEntity? marker)
    {
        if (marker is null)
        {
            return;
        }

        if (marker.GetDateTimeOffset(EntriesFromProperty) is { } from)
        {
            Interlocked.Exchange(ref _entriesFrom, from.UtcTicks);
        }

        _complete = true;
    }

    private bool TakeCheck(long now)
    {
        var due = Interlocked.Read(ref _nextCheck);
        return now >= due && Interlocked.CompareExchange(ref _nextCheck, now + Recheck.Ticks, due) == due;
    }

    private static async Task<TableEntity?> ReadAsync(TableClient table, CancellationToken cancellationToken)
    {
        var read = await StorageCall.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken), cancellationToken);
        return read.HasValue ? read.Value : null;
    }

    private static Task<bool> IsEmptyAsync(TableClient table, CancellationToken cancellationToken) =>
        StorageCall.RunAsync(async () =>
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1, select: TableColumns.KeysOnly, cancellationToken: cancellationToken))
            {
                return false;
            }

            return true;
        }, cancellationToken);
}

namespace LeadSync.Core.Reports;

/// <summary>The report index: lead cycles by the UTC day they started, so a report reads only the days it covers.</summary>
public interface IFunnelIndex
{
    /// <summary>Rows of the days <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    Task<IReadOnlyList<FunnelRow>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// The stored row of <paramref name="leadId"/>'s cycle that started on <paramref name="day"/>, or null;
    /// <paramref name="indexShard"/> is the lead's <see cref="Lead.IndexShard"/>.
    /// </summary>
    Task<StoredFunnelRow?> GetAsync(DateOnly day, string leadId, int? indexShard, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="row"/> only if the stored row is still the one read: absent when
    /// <paramref name="expectedETag"/> is null, otherwise the version with that ETag. False when it changed meanwhile.
    /// </summary>
    Task<bool> TryWriteAsync(FunnelRow row, int? indexShard, string? expectedETag, CancellationToken cancellationToken);
}

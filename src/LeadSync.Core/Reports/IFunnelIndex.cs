namespace LeadSync.Core.Reports;

/// <summary>The report index: lead cycles by the UTC day they started, so a report reads only the days it covers.</summary>
public interface IFunnelIndex
{
    /// <summary>Rows of the days <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    Task<IReadOnlyList<FunnelRow>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

namespace LeadSync.Core.Reports;

/// <summary>
/// The report index rolled up by day: for each UTC day of a range, the <see cref="FunnelDay"/> of its index rows as
/// they are now. Days without rows may be left out.
/// </summary>
public interface IFunnelDays
{
    Task<IReadOnlyList<FunnelDay>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

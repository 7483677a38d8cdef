namespace LeadSync.Core.Storage;

/// <summary>Durable lead storage. Every write is atomic per lead; updates are ETag-conditioned.</summary>
public interface ILeadStore
{
    /// <summary>Stores a new lead with its first timeline entries in one atomic write.</summary>
    Task<LeadCreateResult> CreateAsync(LeadChange change, CancellationToken cancellationToken);

    Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken);

    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string leadId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the change if the stored lead still has <c>change.Lead.ETag</c>; appends its entries in the same write.
    /// </summary>
    Task<LeadUpdateResult> UpdateAsync(LeadChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one timeline entry without touching the lead (needs no ETag); for notes that must land even while
    /// other writers keep the lead busy.
    /// </summary>
    Task AppendTimelineAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken);
}

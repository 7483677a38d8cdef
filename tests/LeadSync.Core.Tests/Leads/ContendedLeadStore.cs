using LeadSync.Core.Leads;
using LeadSync.Core.Storage;

namespace LeadSync.Core.Tests.Leads;

/// <summary>
/// A lead store where another writer changes the lead just before each of the first <paramref name="losses"/> updates,
/// so they lose on their ETag (forced contention).
/// </summary>
internal sealed class ContendedLeadStore(ILeadStore inner, int losses) : ILeadStore
{
    private int _updates;

    public int Updates => _updates;

    public Task<LeadCreateResult> CreateAsync(LeadChange change, CancellationToken cancellationToken) => inner.CreateAsync(change, cancellationToken);

    public Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken) => inner.GetAsync(leadId, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string leadId, CancellationToken cancellationToken) => inner.GetTimelineAsync(leadId, cancellationToken);

    public Task AppendTimelineAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken) => inner.AppendTimelineAsync(leadId, entry, cancellationToken);

    public async Task<LeadUpdateResult> UpdateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _updates) <= losses && await inner.GetAsync(change.Lead.Id, cancellationToken) is { } current)
        {
            await inner.UpdateAsync(new LeadChange(current with { Owner = $"rival-{_updates}" }, []), cancellationToken);
        }

        return await inner.UpdateAsync(change, cancellationToken);
    }
}

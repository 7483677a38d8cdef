using LeadSync.Core.Leads;
using LeadSync.Core.Storage;

namespace LeadSync.Integration.Tests.Sla;

/// <summary>A lead store that runs <paramref name="beforeFirstUpdate"/> (another writer) just before its first update.</summary>
internal sealed class RacingLeadStore(ILeadStore inner, Func<Task> beforeFirstUpdate) : ILeadStore
{
    private int _updates;

    public Task<LeadCreateResult> CreateAsync(LeadChange change, CancellationToken cancellationToken) => inner.CreateAsync(change, cancellationToken);

    public Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken) => inner.GetAsync(leadId, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string leadId, CancellationToken cancellationToken) => inner.GetTimelineAsync(leadId, cancellationToken);

    public Task AppendTimelineAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken) => inner.AppendTimelineAsync(leadId, entry, cancellationToken);

    public async Task<LeadUpdateResult> UpdateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _updates) == 1)
        {
            await beforeFirstUpdate();
        }

        return await inner.UpdateAsync(change, cancellationToken);
    }
}

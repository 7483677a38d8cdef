using System.Collections.Concurrent;
using LeadSync.Core.Leads;
using LeadSync.Core.Storage;

namespace LeadSync.Integration.Tests.Leads;

/// <summary>
/// The real lead store, except that a lead named in <see cref="Contend"/> is changed by a rival writer just before
/// every update of it, so every write decided on a read version loses on its ETag (forced, endless contention).
/// </summary>
internal sealed class ContentionSwitchStore(ILeadStore inner) : ILeadStore
{
    private readonly ConcurrentDictionary<string, int> _contended = new(StringComparer.Ordinal);

    public void Contend(string leadId) => _contended[leadId] = 0;

    public void Release(string leadId) => _contended.TryRemove(leadId, out _);

    public int LostWrites(string leadId) => _contended.GetValueOrDefault(leadId);

    public Task<LeadCreateResult> CreateAsync(LeadChange change, CancellationToken cancellationToken) => inner.CreateAsync(change, cancellationToken);

    public Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken) => inner.GetAsync(leadId, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string leadId, CancellationToken cancellationToken) => inner.GetTimelineAsync(leadId, cancellationToken);

    public Task AppendTimelineAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken) => inner.AppendTimelineAsync(leadId, entry, cancellationToken);

    public async Task<LeadUpdateResult> UpdateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        if (_contended.ContainsKey(change.Lead.Id) && await inner.GetAsync(change.Lead.Id, cancellationToken) is { } current)
        {
            _contended.AddOrUpdate(change.Lead.Id, 1, (_, n) => n + 1);
            await inner.UpdateAsync(new LeadChange(current with { Owner = "rival-" + Guid.NewGuid().ToString("N")[..6] }, []), cancellationToken);
        }

        return await inner.UpdateAsync(change, cancellationToken);
    }
}

using LeadSync.Core.Leads;
using LeadSync.Core.Storage;

namespace LeadSync.Crm.Tests.Support;

/// <summary>A thread-safe lead store with ETag semantics, enough to run the jobs against a CRM simulator.</summary>
public sealed class InMemoryLeadStore : ILeadStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lead> _leads = [];
    private readonly Dictionary<string, List<TimelineEntry>> _timelines = [];

    public IReadOnlyList<Lead> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _leads.Values];
            }
        }
    }
    private int _version;

    public Task<LeadCreateResult> CreateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_leads.TryGetValue(change.Lead.Id, out var existing))
            {
                return Task.FromResult(new LeadCreateResult(existing, AlreadyExisted: true));
            }

            var stored = change.Lead with { ETag = $"W/\"{++_version}\"" };
            _leads[stored.Id] = stored;
            _timelines[stored.Id] = [.. change.Entries];
            return Task.FromResult(new LeadCreateResult(stored, AlreadyExisted: false));
        }
    }

    public Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_leads.GetValueOrDefault(leadId));
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string leadId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<TimelineEntry>>(_timelines.TryGetValue(leadId, out var entries) ? [.. entries] : []);
        }
    }

    public Task<LeadUpdateResult> UpdateAsync(LeadChange change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_leads.TryGetValue(change.Lead.Id, out var existing))
            {
                return Task.FromResult(LeadUpdateResult.NotFound);
            }

            if (existing.ETag != change.Lead.ETag)
            {
                return Task.FromResult(LeadUpdateResult.Conflict);
            }

            var stored = change.Lead with { ETag = $"W/\"{++_version}\"" };
            _leads[stored.Id] = stored;
            _timelines[stored.Id].AddRange(change.Entries);
            return Task.FromResult(LeadUpdateResult.Updated(stored));
        }
    }

    public Task AppendTimelineAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_timelines.TryGetValue(leadId, out var entries))
            {
                entries.Add(entry);
            }
        }

        return Task.CompletedTask;
    }
}

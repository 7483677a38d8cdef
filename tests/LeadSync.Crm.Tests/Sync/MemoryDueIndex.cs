using LeadSync.Core.Storage;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>Keeps the hints the sync files (SLA and recycle); the outage tests only count them.</summary>
public sealed class MemoryDueIndex : IDueIndex
{
    private readonly Lock _lock = new();
    private readonly List<DueItem> _items = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public Task ScheduleAsync(DueItem item, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _items.Add(item);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueItem>> GetDueAsync(DueKind kind, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DueItem>>([.. _items.Where(i => i.Kind == kind && i.DueAt <= now).OrderBy(i => i.DueAt).Take(max)]);
        }
    }

    public Task RemoveAsync(DueItem item, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _items.Remove(item);
        }

        return Task.CompletedTask;
    }

    public async Task ScheduleAllAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await ScheduleAsync(item, cancellationToken);
        }
    }

    public async Task RemoveAllAsync(IReadOnlyCollection<DueItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await RemoveAsync(item, cancellationToken);
        }
    }
}

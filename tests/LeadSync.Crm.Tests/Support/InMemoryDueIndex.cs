using LeadSync.Core.Storage;

namespace LeadSync.Crm.Tests.Support;

/// <summary>The due index as a thread-safe set of hints keyed like the table one (lead, kind, due time).</summary>
public sealed class InMemoryDueIndex : IDueIndex
{
    private readonly Lock _lock = new();
    private readonly HashSet<(string LeadId, DueKind Kind, DateTimeOffset DueAt)> _items = [];

    public IReadOnlyList<DueItem> All(DueKind kind)
    {
        lock (_lock)
        {
            return [.. _items.Where(i => i.Kind == kind).OrderBy(i => i.DueAt).Select(i => new DueItem(i.LeadId, i.Kind, i.DueAt))];
        }
    }

    public Task ScheduleAsync(DueItem item, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _items.Add((item.LeadId, item.Kind, item.DueAt));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueItem>> GetDueAsync(DueKind kind, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DueItem>>([.. _items.Where(i => i.Kind == kind && i.DueAt <= now).OrderBy(i => i.DueAt).Take(max)
                .Select(i => new DueItem(i.LeadId, i.Kind, i.DueAt))]);
        }
    }

    public Task RemoveAsync(DueItem item, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _items.Remove((item.LeadId, item.Kind, item.DueAt));
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

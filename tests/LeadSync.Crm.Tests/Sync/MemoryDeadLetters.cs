using System.Collections.Concurrent;
using LeadSync.Core.Crm.DeadLetters;

namespace LeadSync.Crm.Tests.Sync;

public sealed class MemoryDeadLetters : IDeadLetterStore
{
    private readonly ConcurrentDictionary<string, DeadLetter> _items = new(StringComparer.Ordinal);

    public IReadOnlyCollection<DeadLetter> All => [.. _items.Values];

    public Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        _items[deadLetter.Id] = deadLetter;
        return Task.CompletedTask;
    }

    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_items.GetValueOrDefault(id));

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>([.. _items.Values.OrderByDescending(d => d.At).Take(max)]);

    public Task<bool> UpdateAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        _items[deadLetter.Id] = deadLetter;
        return Task.FromResult(true);
    }
}

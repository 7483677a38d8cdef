using System.Collections.Concurrent;
using LeadSync.Core.Intake.Inbox;
using LeadSync.Core.Storage;

namespace LeadSync.Core.Tests.Intake.Inbox;

/// <summary>An inbox in memory with the table's ordering (oldest first); <see cref="Down"/> makes every call fail as storage does.</summary>
public sealed class MemoryInbox : IIntakeInbox
{
    private readonly ConcurrentDictionary<string, InboxDelivery> _rows = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public int Gets { get; private set; }

    public IReadOnlyCollection<string> Ids => [.. _rows.Keys];

    public Task AddAsync(InboxDelivery delivery, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        _rows[delivery.Id] = delivery;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InboxDelivery>> ListAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        return Task.FromResult<IReadOnlyList<InboxDelivery>>([.. _rows.Values.Where(d => d.ReceivedAt < receivedBefore).OrderBy(d => d.Id, StringComparer.Ordinal).Take(max)]);
    }

    public Task<InboxDelivery?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Gets++;
        return Task.FromResult(_rows.TryGetValue(id, out var delivery) ? delivery : null);
    }

    /// <summary>Reads of many deliveries at once (<see cref="GetManyAsync"/>).</summary>
    public int ManyReads { get; private set; }

    public Task<IReadOnlyList<InboxDelivery>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        ManyReads++;
        return Task.FromResult<IReadOnlyList<InboxDelivery>>([.. ids.Distinct().Select(id => _rows.GetValueOrDefault(id)).OfType<InboxDelivery>()]);
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        _rows.TryRemove(id, out _);
        return Task.CompletedTask;
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new StorageUnavailableException("down");
        }
    }
}

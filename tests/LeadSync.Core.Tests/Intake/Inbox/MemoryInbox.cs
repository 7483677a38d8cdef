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

    /// <summary>Reads of a second's deliveries (<see cref="ListArrivedWithAsync"/>).</summary>
    public int SecondReads { get; private set; }

    /// <summary>Deliveries whose ids share their first 12 digits (the arrival second of a tick id) with <paramref name="id"/>.</summary>
    public Task<IReadOnlyList<InboxDelivery>> ListArrivedWithAsync(string id, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        SecondReads++;
        var second = id.Length > 12 ? id[..12] : id;
        return Task.FromResult<IReadOnlyList<InboxDelivery>>([.. _rows.Values.Where(d => d.Id.StartsWith(second, StringComparison.Ordinal)).OrderBy(d => d.Id, StringComparer.Ordinal)]);
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

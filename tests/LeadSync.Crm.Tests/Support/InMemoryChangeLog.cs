using System.Collections.Concurrent;
using LeadSync.Core.Crm.Changes;

namespace LeadSync.Crm.Tests.Support;

/// <summary>The change log in memory (the table one is tested on Azurite); <see cref="Forget"/> simulates a lost marker.</summary>
public sealed class InMemoryChangeLog : ICrmChangeLog
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _handled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _clocks = new(StringComparer.Ordinal);

    public int Handled => _handled.Count;

    public void Forget() => _handled.Clear();

    public Task<bool> WasHandledAsync(string provider, string eventKey, CancellationToken cancellationToken) =>
        Task.FromResult(_handled.ContainsKey(provider + "|" + eventKey));

    public Task MarkHandledAsync(string provider, string eventKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _handled[provider + "|" + eventKey] = at;
        return Task.CompletedTask;
    }

    public Task<bool> TryAdvanceAsync(string provider, string recordId, string aspect, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var key = $"{provider}|{recordId}|{aspect}";
        if (_clocks.TryGetValue(key, out var seen) && seen > occurredAt)
        {
            return Task.FromResult(false);
        }

        _clocks[key] = occurredAt;
        return Task.FromResult(true);
    }
}

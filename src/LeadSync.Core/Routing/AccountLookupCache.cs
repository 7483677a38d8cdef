namespace LeadSync.Core.Routing;

/// <summary>
/// Account lookups by domain, each kept (found or not) for <see cref="RoutingOptions.AccountCacheTtl"/>: at most one CRM
/// read per domain per cache period in this process, concurrent lookups of one domain sharing the read. A failed read
/// is not kept.
/// </summary>
public sealed class AccountLookupCache(ICrmAccountLookup lookup, IOptionsMonitor<RoutingOptions> options, TimeProvider time)
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>CRM reads made (for the cost check in the benchmarks and tests).</summary>
    public int Reads => _reads;

    private int _reads;

    public async Task<AccountMatch?> FindAsync(string domain, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(domain, out var held) && held.ExpiresAt > now)
        {
            return await held.Match.Value;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(new Lazy<Task<AccountMatch?>>(() => ReadAsync(domain, cancellationToken)), now + options.CurrentValue.AccountCacheTtl);
        var current = _entries.AddOrUpdate(domain, entry, (_, old) => old.ExpiresAt > now ? old : entry);
        try
        {
            return await current.Match.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(domain, current));
            throw;
        }
    }

    private async Task<AccountMatch?> ReadAsync(string domain, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Interlocked.Increment(ref _reads);
        return await lookup.FindByDomainAsync(domain, cancellationToken);
    }

    private sealed record Entry(Lazy<Task<AccountMatch?>> Match, DateTimeOffset ExpiresAt);
}

namespace LeadSync.Core.Admin;

/// <summary>
/// The admin documents in effect in this process. Filled by the admin API on every write and by a periodic refresh
/// from the store (other instances' writes); each change fires <see cref="GetChangeToken"/> so options reload.
/// </summary>
public sealed class AdminConfigurationSnapshot : IAdminConfiguration
{
    private readonly ConcurrentDictionary<string, (int Version, string Json)> _current = new(StringComparer.Ordinal);
    private CancellationTokenSource _changed = new();

    public string? Current(string resource) => _current.TryGetValue(resource, out var entry) ? entry.Json : null;

    /// <summary>Records <paramref name="version"/> if it is newer than what is held; true when something changed.</summary>
    public bool Apply(string resource, int version, string json)
    {
        var changed = false;
        _current.AddOrUpdate(resource,
            _ =>
            {
                changed = true;
                return (version, json);
            },
            (_, held) =>
            {
                changed = version > held.Version;
                return changed ? (version, json) : held;
            });
        if (changed)
        {
            var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            previous.Cancel();
        }

        return changed;
    }

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);
}

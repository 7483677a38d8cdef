using LeadSync.Core.Crm.Pause;

namespace LeadSync.Crm.Tests.Sync;

/// <summary>The shared pause with the table store's ETag rules (insert fails on an existing row, update on a stale ETag).</summary>
public sealed class MemoryPauseStore : ICrmPauseStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CrmPause> _rows = new(StringComparer.Ordinal);
    private int _version;

    public int Writes { get; private set; }

    public Task<CrmPause> GetAsync(string crm, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(crm) ?? CrmPause.Healthy(crm));
        }
    }

    public Task<CrmPause?> TrySaveAsync(CrmPause pause, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var exists = _rows.TryGetValue(pause.Crm, out var current);
            if (pause.ETag is null ? exists : !exists || current!.ETag != pause.ETag)
            {
                return Task.FromResult<CrmPause?>(null);
            }

            var stored = pause with { ETag = $"v{++_version}" };
            _rows[pause.Crm] = stored;
            Writes++;
            return Task.FromResult<CrmPause?>(stored);
        }
    }
}

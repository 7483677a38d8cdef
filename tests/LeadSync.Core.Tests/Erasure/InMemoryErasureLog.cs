using LeadSync.Core.Intake.Erasure;

namespace LeadSync.Core.Tests.Erasure;

/// <summary>An <see cref="IErasureLog"/> with ETag semantics, for use-case tests.</summary>
internal sealed class InMemoryErasureLog : IErasureLog
{
    private int _version;

    public Dictionary<string, ErasureRecord> Records { get; } = [];

    public Dictionary<string, List<ErasureAuditEntry>> Audit { get; } = [];

    public Task<ErasureRecord?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Records.GetValueOrDefault(key));

    public Task<bool> SaveAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var current = Records.GetValueOrDefault(record.Key);
        if (current?.ETag != record.ETag)
        {
            return Task.FromResult(false);
        }

        Records[record.Key] = record with { ETag = $"v{++_version}" };
        return Task.FromResult(true);
    }

    public Task AddAuditAsync(string key, ErasureAuditEntry entry, CancellationToken cancellationToken)
    {
        if (!Audit.TryGetValue(key, out var entries))
        {
            Audit[key] = entries = [];
        }

        entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ErasureAuditEntry>> GetAuditAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ErasureAuditEntry>>(Audit.GetValueOrDefault(key) ?? []);
}

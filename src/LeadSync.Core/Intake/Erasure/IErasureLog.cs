namespace LeadSync.Core.Intake.Erasure;

/// <summary>Durable erasure records and their audit trail.</summary>
public interface IErasureLog
{
    Task<ErasureRecord?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Inserts (no ETag) or replaces the version with the record's ETag; false when someone else wrote first.</summary>
    Task<bool> SaveAsync(ErasureRecord record, CancellationToken cancellationToken);

    Task AddAuditAsync(string key, ErasureAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<ErasureAuditEntry>> GetAuditAsync(string key, CancellationToken cancellationToken);
}

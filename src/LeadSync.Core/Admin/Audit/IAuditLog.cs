namespace LeadSync.Core.Admin.Audit;

/// <summary>Durable store of admin actions. Both calls throw <see cref="Storage.StorageUnavailableException"/> when storage cannot be reached.</summary>
public interface IAuditLog
{
    /// <summary>Writes <paramref name="entry"/> (a later write of the same <see cref="AuditEntry.Id"/> replaces it).</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="token"/> is one this log hands out (anything else is refused with a 400).</summary>
    bool IsContinuationToken(string token);
}

namespace LeadSync.Core.Intake.Quarantine;

/// <summary>Durable quarantine of deliveries that could not become leads.</summary>
public interface IQuarantineStore
{
    Task AddAsync(QuarantineItem item, CancellationToken cancellationToken);

    Task<QuarantineItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<QuarantineItem>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>ETag-conditioned; false when someone else changed it first.</summary>
    Task<bool> UpdateAsync(QuarantineItem item, CancellationToken cancellationToken);
}

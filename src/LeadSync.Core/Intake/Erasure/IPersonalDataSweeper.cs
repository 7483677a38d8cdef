namespace LeadSync.Core.Intake.Erasure;

/// <summary>
/// Removes a subject's traces outside the lead partitions: the e-mail index, unfiled inbox rows, quarantined
/// deliveries, the notification outbox, dead-letter reasons. Idempotent. Implemented by storage.
/// </summary>
public interface IPersonalDataSweeper
{
    /// <summary>Rows removed or redacted, per store (stores with nothing to do are left out).</summary>
    Task<IReadOnlyDictionary<string, int>> EraseTracesAsync(ErasureNeedles needles, CancellationToken cancellationToken);
}

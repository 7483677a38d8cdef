namespace LeadSync.Core.Crm.DeadLetters;

/// <summary>Durable list of dead-lettered CRM syncs.</summary>
public interface IDeadLetterStore
{
    /// <summary>Idempotent per id (a redelivered message writes the same dead letter).</summary>
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken);

    Task<bool> UpdateAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}

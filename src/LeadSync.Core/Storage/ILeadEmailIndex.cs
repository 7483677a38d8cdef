namespace LeadSync.Core.Storage;

/// <summary>
/// E-mail → lead lookup, so a new submission from a recycled or nurtured contact re-enters that lead instead of
/// creating a second one. Keyed by a hash of the normalized address: no raw e-mail is stored in the index.
/// </summary>
public interface ILeadEmailIndex
{
    /// <summary>Records (idempotently) that the delivery whose derived id is <paramref name="deliveryLeadId"/> belongs to lead <paramref name="leadId"/>.</summary>
    Task AddAsync(string email, string deliveryLeadId, string leadId, CancellationToken cancellationToken);

    /// <summary>Every delivery recorded for the address, with the lead each one belongs to.</summary>
    Task<IReadOnlyList<LeadEmailEntry>> FindAsync(string email, CancellationToken cancellationToken);
}

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

    /// <summary>
    /// The one-call path for an address never seen before: true when the address had no delivery recorded, in which
    /// case the delivery is now recorded as its own lead's (as <see cref="AddAsync"/> would) and there is nothing to
    /// look up. False when the address is known, was claimed by a concurrent delivery, or the index cannot tell yet
    /// (entries stored before claims existed and not yet backfilled): the caller looks the address up
    /// (<see cref="FindAsync"/>) and records the delivery itself.
    /// </summary>
    Task<bool> TryClaimAsync(string email, string deliveryLeadId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <see cref="TryClaimAsync"/> trustworthy over entries stored before claims existed: gives every recorded
    /// address its claim, and once a pass finds none missing, enables the one-call path. Idempotent and safe to run on
    /// several instances at once; returns the claims added by this run (0 once the path is enabled).
    /// </summary>
    Task<int> BackfillClaimsAsync(CancellationToken cancellationToken);
}

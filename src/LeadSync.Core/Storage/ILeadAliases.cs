namespace LeadSync.Core.Storage;

/// <summary>
/// Delivery ids that were filed under another lead. Intake answers 202 with the id derived from the delivery before
/// the delivery is filed; when filing attaches it to an earlier lead of the same address (re-entry, or a second
/// submission within the duplicate window), the alias lets <c>GET /api/leads/{id}</c> still answer that lead.
/// Holds ids only, no personal data.
/// </summary>
public interface ILeadAliases
{
    /// <summary>Records (idempotently) that the delivery whose derived id is <paramref name="deliveryLeadId"/> was filed under <paramref name="leadId"/>.</summary>
    Task AddAsync(string deliveryLeadId, string leadId, CancellationToken cancellationToken);

    /// <summary>The lead a delivery id was filed under, or null when it was not filed under another lead.</summary>
    Task<string?> FindAsync(string deliveryLeadId, CancellationToken cancellationToken);
}

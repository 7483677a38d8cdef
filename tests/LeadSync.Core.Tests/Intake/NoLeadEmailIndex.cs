using LeadSync.Core.Storage;

namespace LeadSync.Core.Tests.Intake;

/// <summary>An address index that never knows an address: every delivery becomes its own lead (no re-entry).</summary>
internal sealed class NoLeadEmailIndex : ILeadEmailIndex
{
    public Task AddAsync(string email, string deliveryLeadId, string leadId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<LeadEmailEntry>> FindAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LeadEmailEntry>>([]);

    public Task<bool> TryClaimAsync(string email, string deliveryLeadId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<int> BackfillClaimsAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}

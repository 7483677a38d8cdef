using LeadSync.Core.Storage;

namespace LeadSync.Core.Leads;

/// <summary>
/// Read–decide–write with optimistic concurrency: reloads and decides again when another writer got there first,
/// so every transition is decided on the latest version and applied exactly once.
/// </summary>
public sealed class LeadMutator(ILeadStore store)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Applies the change <paramref name="decide"/> returns (null = nothing to do). Returns the written change,
    /// or null when the lead is missing or nothing had to change.
    /// </summary>
    public async Task<LeadChange?> MutateAsync(string leadId, Func<Lead, LeadChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var lead = await store.GetAsync(leadId, cancellationToken);
        return lead is null ? null : await MutateAsync(lead, decide, cancellationToken);
    }

    /// <summary>
    /// As above, but decides first on <paramref name="current"/>, a version the caller has already read (one read
    /// fewer). The write is still conditioned on that version's ETag: if the lead changed since, it is reloaded and
    /// decided again.
    /// </summary>
    public async Task<LeadChange?> MutateAsync(Lead current, Func<Lead, LeadChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(decide);
        Lead? lead = current;
        for (var attempt = 1; lead is not null; attempt++)
        {
            var change = decide(lead);
            if (change is null)
            {
                return null;
            }

            var result = await store.UpdateAsync(change, cancellationToken);
            if (result.Status == LeadUpdateStatus.Updated)
            {
                return change with { Lead = result.Lead! };
            }

            if (result.Status == LeadUpdateStatus.NotFound || attempt == MaxAttempts)
            {
                return null;
            }

            lead = await store.GetAsync(current.Id, cancellationToken);
        }

        return null;
    }
}

namespace LeadSync.Core.Crm.Pause;

/// <summary>Durable, shared pause state per CRM connection.</summary>
public interface ICrmPauseStore
{
    /// <summary>The stored state, or <see cref="CrmPause.Healthy"/> (no ETag) when none was ever written.</summary>
    Task<CrmPause> GetAsync(string crm, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="pause"/> if the stored version still has its ETag (insert when the ETag is null).
    /// Returns the stored version, or null when another writer got there first.
    /// </summary>
    Task<CrmPause?> TrySaveAsync(CrmPause pause, CancellationToken cancellationToken);
}

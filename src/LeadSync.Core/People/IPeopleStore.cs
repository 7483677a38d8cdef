namespace LeadSync.Core.People;

/// <summary>The synced CRM users, stored per CRM so every instance builds the same directory.</summary>
public interface IPeopleStore
{
    Task<SyncedPeople> GetAsync(string crm, CancellationToken cancellationToken);

    /// <summary>Replaces the CRM's users with <paramref name="users"/> (idempotent: running it twice stores the same rows).</summary>
    Task ReplaceAsync(string crm, IReadOnlyList<SyncedUser> users, DateTimeOffset syncedAt, CancellationToken cancellationToken);
}

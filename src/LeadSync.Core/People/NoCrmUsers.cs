namespace LeadSync.Core.People;

/// <summary>For a CRM adapter without users (the sandbox): the directory is the settings and the admin document alone.</summary>
public sealed class NoCrmUsers(string crm) : ICrmUserSource
{
    public string Crm { get; } = crm;

    public Task<IReadOnlyList<SyncedUser>> ListUsersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SyncedUser>>([]);
}

namespace LeadSync.Core.Admin;

/// <summary>Durable, versioned admin configuration. Every write is conditional on the version it was decided on.</summary>
public interface IAdminConfigStore
{
    /// <summary>The current version, with secrets, or null when no admin has changed the resource.</summary>
    Task<AdminConfigVersion?> GetCurrentAsync(string resource, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="json"/> as version <paramref name="expectedVersion"/> + 1 if the current version is still
    /// <paramref name="expectedVersion"/> (0: none yet); <paramref name="historyJson"/> is what the history keeps.
    /// </summary>
    Task<AdminSaveResult> SaveAsync(string resource, int expectedVersion, string json, string historyJson, string changedBy,
        IReadOnlyList<string> changes, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="max"/> versions, newest first.</summary>
    Task<IReadOnlyList<AdminConfigVersion>> GetHistoryAsync(string resource, int max, CancellationToken cancellationToken);
}

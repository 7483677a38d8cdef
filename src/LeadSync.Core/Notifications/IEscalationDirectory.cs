namespace LeadSync.Core.Notifications;

/// <summary>
/// Resolves a ladder recipient (<c>owner</c>, <c>manager</c>, <c>team</c>) for a lead's owner to a concrete
/// destination, from the directory in effect: <c>LeadSync:Directory</c>, or the admin-stored <c>directory</c>
/// document laid over it.
/// </summary>
public interface IEscalationDirectory
{
    EscalationDestination Resolve(string recipient, string? owner);

    /// <summary>The manager the directory lists for <paramref name="owner"/>, or null.</summary>
    string? ManagerOf(string? owner);
}

namespace LeadSync.Core.Notifications;

/// <summary>
/// Resolves a ladder recipient (<c>owner</c>, <c>manager</c>, <c>team</c>) for a lead's owner to a concrete
/// destination. Settings-backed for now; the admin API can later keep the directory in a table.
/// </summary>
public interface IEscalationDirectory
{
    EscalationDestination Resolve(string recipient, string? owner);
}

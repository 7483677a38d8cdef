namespace LeadSync.Core.Notifications;

/// <summary>
/// The directory in effect (<c>LeadSync:Directory</c>, with the admin-stored <c>directory</c> document laid over it by
/// the options overlay), re-read on every call so an admin's edit applies to the next notice without a restart.
/// </summary>
public sealed class SettingsEscalationDirectory(IOptionsMonitor<DirectoryOptions> options) : IEscalationDirectory
{
    public EscalationDestination Resolve(string recipient, string? owner)
    {
        var directory = options.CurrentValue;
        if (recipient.Equals("team", StringComparison.OrdinalIgnoreCase))
        {
            return new EscalationDestination(recipient, "team", NotificationChannels.Normalize(directory.DefaultTeamChannel));
        }

        var ownerEntry = Find(directory, owner);
        var name = recipient.Equals("manager", StringComparison.OrdinalIgnoreCase) ? ownerEntry?.Manager : owner;
        if (name is null)
        {
            // Nobody known for this role: the team hears about it rather than no one.
            return new EscalationDestination(recipient, "team", NotificationChannels.Normalize(directory.DefaultTeamChannel));
        }

        var entry = Find(directory, name);
        var channel = string.IsNullOrWhiteSpace(entry?.Channel) && !string.IsNullOrWhiteSpace(entry?.Email)
            ? NotificationChannels.Email
            : NotificationChannels.Normalize(entry?.Channel);
        return new EscalationDestination(recipient, name, channel, entry?.Email)
        {
            SlackUserId = entry?.SlackUserId,
            TeamsUserId = entry?.TeamsUserId,
        };
    }

    public string? ManagerOf(string? owner) => Find(options.CurrentValue, owner)?.Manager;

    private static DirectoryEntryOptions? Find(DirectoryOptions directory, string? name) =>
        name is not null && directory.Owners.TryGetValue(name, out var entry) ? entry : null;
}

namespace LeadSync.Core.People;

/// <summary>
/// The escalation directory over the people directory: an owner or manager with an entry in the escalation directory
/// (<c>LeadSync:Directory</c> or the admin <c>directory</c> document) is resolved there, exactly as before — those
/// entries stay the admin's overrides; anyone else is found in the people directory by CRM owner id, e-mail, person
/// id or name, with their e-mail, Slack and Teams identity and person id, and their manager from the CRM (Salesforce
/// <c>ManagerId</c>, Dataverse <c>parentsystemuserid</c>) or the admin's people document.
/// </summary>
public sealed class PeopleEscalationDirectory(
    SettingsEscalationDirectory settings,
    IOptionsMonitor<DirectoryOptions> directoryOptions,
    IOptionsMonitor<PeopleOptions> peopleOptions,
    PeopleDirectorySource people) : IEscalationDirectory
{
    public EscalationDestination Resolve(string recipient, string? owner)
    {
        if (recipient.Equals("team", StringComparison.OrdinalIgnoreCase))
        {
            return settings.Resolve(recipient, owner);
        }

        var listed = directoryOptions.CurrentValue.Owners;
        if (owner is null || listed.ContainsKey(owner))
        {
            return settings.Resolve(recipient, owner);
        }

        var directory = people.Current;
        var person = directory.Find(owner);
        if (person is null)
        {
            return settings.Resolve(recipient, owner);
        }

        if (!recipient.Equals("manager", StringComparison.OrdinalIgnoreCase))
        {
            return ToDestination(recipient, person);
        }

        var manager = directory.ManagerOf(person);
        if (manager is null)
        {
            return settings.Resolve(recipient, owner);
        }

        // A manager the escalation directory lists keeps that entry's channel and address.
        var listedManager = new[] { manager.Id, manager.Email, manager.Name, manager.CrmUserId(directory.Crm) }
            .FirstOrDefault(k => k is not null && listed.ContainsKey(k));
        return listedManager is not null
            ? settings.Resolve("owner", listedManager) with { Recipient = recipient }
            : ToDestination(recipient, manager);
    }

    public string? ManagerOf(string? owner)
    {
        if (settings.ManagerOf(owner) is { } listed)
        {
            return listed;
        }

        var directory = people.Current;
        return directory.Find(owner) is { } person ? directory.ManagerOf(person)?.Name : null;
    }

    private EscalationDestination ToDestination(string recipient, Person person)
    {
        var channel = person.Channel is { Length: > 0 } own ? NotificationChannels.Normalize(own) : DefaultChannel(person);
        return new EscalationDestination(recipient, person.Name, channel, person.Email)
        {
            SlackUserId = person.SlackUserId,
            TeamsUserId = person.TeamsUserId,
            PersonId = person.Id,
        };
    }

    private string DefaultChannel(Person person)
    {
        var preferred = NotificationChannels.Normalize(peopleOptions.CurrentValue.DefaultChannel);
        return preferred switch
        {
            NotificationChannels.Email when person.Email is null => NotificationChannels.Webhook,
            _ => preferred,
        };
    }
}

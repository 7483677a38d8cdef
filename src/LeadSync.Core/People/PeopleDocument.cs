namespace LeadSync.Core.People;

/// <summary>The admin <c>people</c> document: the people and teams laid over the synced directory (the <c>LeadSync:People</c> shape without the sync settings).</summary>
public sealed class PeopleDocument
{
    public IDictionary<string, PersonOptions> People { get; } = new Dictionary<string, PersonOptions>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, TeamOptions> Teams { get; } = new Dictionary<string, TeamOptions>(StringComparer.OrdinalIgnoreCase);

    public static PeopleDocument From(PeopleOptions options)
    {
        var doc = new PeopleDocument();
        foreach (var (id, person) in options.People)
        {
            doc.People[id] = person;
        }

        foreach (var (id, team) in options.Teams)
        {
            doc.Teams[id] = team;
        }

        return doc;
    }

    public void ApplyTo(PeopleOptions options)
    {
        options.People.Clear();
        options.Teams.Clear();
        foreach (var (id, person) in People)
        {
            options.People[id] = person;
        }

        foreach (var (id, team) in Teams)
        {
            options.Teams[id] = team;
        }
    }
}

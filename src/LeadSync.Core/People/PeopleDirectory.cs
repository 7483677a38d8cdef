namespace LeadSync.Core.People;

/// <summary>
/// The effective people directory (immutable): people and teams, with a <see cref="Version"/> that changes whenever
/// anything routing depends on changes, so a routing decision is reproducible for the same lead and version.
/// </summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Team> _teams = new(StringComparer.OrdinalIgnoreCase);

    public PeopleDirectory(string crm, IEnumerable<Person> people, IEnumerable<Team> teams, string version)
    {
        Crm = crm;
        Version = version;
        People = [.. people.OrderBy(p => p.Id, StringComparer.Ordinal)];
        Teams = [.. teams.OrderBy(t => t.Id, StringComparer.Ordinal)];
        foreach (var person in People)
        {
            _byKey[person.Id] = person;
        }

        // Less certain keys never shadow an id: CRM user id, then e-mail, then display name.
        foreach (var person in People)
        {
            if (person.CrmUserId(crm) is { Length: > 0 } crmId)
            {
                _byKey.TryAdd(crmId, person);
            }
        }

        foreach (var person in People)
        {
            if (person.Email is { Length: > 0 } email)
            {
                _byKey.TryAdd(email, person);
            }
        }

        foreach (var person in People)
        {
            _byKey.TryAdd(person.Name, person);
        }

        foreach (var team in Teams)
        {
            _teams[team.Id] = team;
        }

        foreach (var team in Teams)
        {
            _teams.TryAdd(team.Name, team);
        }
    }

    public static PeopleDirectory Empty { get; } = new("", [], [], "empty");

    /// <summary>The CRM provider whose user ids <see cref="Find"/> knows.</summary>
    public string Crm { get; }

    public string Version { get; }

    public IReadOnlyList<Person> People { get; }

    public IReadOnlyList<Team> Teams { get; }

    /// <summary>The person known by <paramref name="key"/>: person id, CRM user id (an owner id), e-mail or name.</summary>
    public Person? Find(string? key) => key is { Length: > 0 } && _byKey.TryGetValue(key.Trim(), out var person) ? person : null;

    /// <summary>The team with this id or name.</summary>
    public Team? FindTeam(string? key) => key is { Length: > 0 } && _teams.TryGetValue(key.Trim(), out var team) ? team : null;

    /// <summary>The manager of <paramref name="person"/>: their own, else their first team's that has one (never themselves).</summary>
    public Person? ManagerOf(Person person)
    {
        if (Find(person.ManagerId) is { } manager && manager.Id != person.Id)
        {
            return manager;
        }

        return person.Teams.Select(FindTeam).OfType<Team>().Select(t => Find(t.ManagerId))
            .FirstOrDefault(m => m is not null && m.Id != person.Id);
    }
}

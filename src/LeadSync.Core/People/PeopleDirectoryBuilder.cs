namespace LeadSync.Core.People;

/// <summary>
/// Builds the effective directory (pure): the CRM's synced users (id = lower-case e-mail, manager by the CRM's manager
/// id, teams from the CRM), then every admin/settings person and team laid over them field by field. The version is a
/// hash of everything routing reads, so equal inputs give equal versions on every instance.
/// </summary>
public static class PeopleDirectoryBuilder
{
    public static PeopleDirectory Build(
        string crm, SyncedPeople synced, PeopleOptions overrides, IDictionary<string, BusinessCalendarOptions> calendars)
    {
        var people = new Dictionary<string, Draft>(StringComparer.OrdinalIgnoreCase);
        var teamNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var idByCrmUser = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in synced.Users.OrderBy(u => u.CrmUserId, StringComparer.Ordinal))
        {
            var id = PersonId(crm, user);
            if (people.ContainsKey(id))
            {
                continue;
            }

            var draft = new Draft(id) { Name = user.Name ?? user.Email ?? id, Email = user.Email, Active = user.Active, CrmManager = user.ManagerCrmUserId };
            draft.CrmUserIds[crm] = user.CrmUserId;
            foreach (var team in user.Teams)
            {
                draft.Teams.Add(team.Id);
                teamNames.TryAdd(team.Id, team.Name ?? team.Id);
            }

            people[id] = draft;
            idByCrmUser[user.CrmUserId] = id;
        }

        foreach (var draft in people.Values)
        {
            draft.Manager = draft.CrmManager is { } m && idByCrmUser.TryGetValue(m, out var managerId) ? managerId : null;
        }

        foreach (var (key, o) in overrides.People)
        {
            var draft = people.GetValueOrDefault(key)
                ?? (o.Email is { Length: > 0 } email ? people.GetValueOrDefault(email.Trim()) : null);
            if (draft is null)
            {
                draft = new Draft(key.Trim()) { Name = key.Trim() };
                people[draft.Id] = draft;
            }

            Apply(draft, o, crm, idByCrmUser);
        }

        var built = people.Values.Select(d => d.ToPerson(calendars)).ToList();
        var teams = BuildTeams(built, teamNames, overrides.Teams);
        return new PeopleDirectory(crm, built, teams, Version(crm, built, teams, overrides));
    }

    /// <summary>A synced user's person id: the lower-case e-mail, else <c>{crm}-{user id}</c>.</summary>
    public static string PersonId(string crm, SyncedUser user) =>
        user.Email is { Length: > 0 } email ? email.Trim().ToLowerInvariant() : $"{crm}-{user.CrmUserId}";

    private static void Apply(Draft draft, PersonOptions o, string crm, Dictionary<string, string> idByCrmUser)
    {
        draft.Name = Text(o.Name) ?? draft.Name;
        draft.Email = Text(o.Email) ?? draft.Email;
        foreach (var (provider, id) in o.CrmUserIds)
        {
            draft.CrmUserIds[provider] = id.Trim();
            if (provider.Equals(crm, StringComparison.OrdinalIgnoreCase))
            {
                idByCrmUser.TryAdd(id.Trim(), draft.Id);
            }
        }

        draft.SlackUserId = Text(o.SlackUserId) ?? draft.SlackUserId;
        draft.TeamsUserId = Text(o.TeamsUserId) ?? draft.TeamsUserId;
        draft.Channel = Text(o.Channel) ?? draft.Channel;
        draft.Manager = Text(o.Manager) ?? draft.Manager;
        foreach (var team in o.Teams.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            draft.Teams.Add(team.Trim());
        }

        draft.CalendarName = Text(o.Calendar) ?? draft.CalendarName;
        draft.WorkingHours = o.WorkingHours ?? draft.WorkingHours;
        draft.OutOfOffice.AddRange(o.OutOfOffice.Where(p => p is not null && p.To > p.From).Select(p => new OutOfOfficePeriod(p.From, p.To, p.Note)));
        draft.MaxOpenLeads = o.MaxOpenLeads ?? draft.MaxOpenLeads;
        draft.MaxNewLeadsPerDay = o.MaxNewLeadsPerDay ?? draft.MaxNewLeadsPerDay;
        draft.Weight = o.Weight ?? draft.Weight;
        draft.Active = o.Active ?? draft.Active;
    }

    private static List<Team> BuildTeams(List<Person> people, Dictionary<string, string> teamNames, IDictionary<string, TeamOptions> overrides)
    {
        var ids = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        ids.UnionWith(teamNames.Keys);
        ids.UnionWith(overrides.Keys);

        // A team named only by its members (a person's Teams) exists too, unless it names a known team by its name.
        var names = new HashSet<string>(teamNames.Values.Concat(overrides.Values.Select(o => o?.Name).OfType<string>()), StringComparer.OrdinalIgnoreCase);
        ids.UnionWith(people.SelectMany(p => p.Teams).Where(t => !ids.Contains(t) && !names.Contains(t)));
        var teams = new List<Team>();
        foreach (var id in ids)
        {
            var o = overrides.TryGetValue(id, out var found) ? found : null;
            var name = Text(o?.Name) ?? teamNames.GetValueOrDefault(id) ?? id;
            var members = new SortedSet<string>(StringComparer.Ordinal);
            members.UnionWith(people.Where(p => p.Teams.Any(t => t.Equals(id, StringComparison.OrdinalIgnoreCase) || t.Equals(name, StringComparison.OrdinalIgnoreCase))).Select(p => p.Id));
            foreach (var member in o?.Members ?? [])
            {
                if (people.FirstOrDefault(p => p.Id.Equals(member.Trim(), StringComparison.OrdinalIgnoreCase)) is { } person)
                {
                    members.Add(person.Id);
                }
            }

            members.RemoveWhere(m => o?.Exclude.Any(e => e.Trim().Equals(m, StringComparison.OrdinalIgnoreCase)) == true);
            teams.Add(new Team(id, name, [.. members], Text(o?.Manager)));
        }

        return teams;
    }

    private static string Version(string crm, List<Person> people, List<Team> teams, PeopleOptions overrides)
    {
        var text = new StringBuilder(crm).Append('\n');
        foreach (var p in people.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"p|{p.Id}|{p.Active}|{p.Weight}|{p.MaxOpenLeads}|{p.MaxNewLeadsPerDay}|{p.ManagerId}|")
                .Append(string.Join(',', p.Teams.Order(StringComparer.Ordinal))).Append('|')
                .Append(string.Join(',', p.CrmUserIds.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))).Append('|')
                .Append(string.Join(',', p.OutOfOffice.Select(o => $"{o.From.UtcTicks}-{o.To.UtcTicks}"))).Append('\n');
        }

        foreach (var t in teams)
        {
            text.Append(CultureInfo.InvariantCulture, $"t|{t.Id}|{t.ManagerId}|{string.Join(',', t.Members)}\n");
        }

        // Calendars are referenced by name or given inline: the override document's calendar fields count too.
        foreach (var (id, o) in overrides.People.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"c|{id}|{o.Calendar}|{o.WorkingHours?.TimeZone}|")
                .Append(string.Join(',', (o.WorkingHours?.Hours ?? new Dictionary<string, string>()).OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value}")))
                .Append('|').Append(string.Join(',', o.WorkingHours?.Holidays ?? [])).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed class Draft(string id)
    {
        public string Id { get; } = id;
        public string Name { get; set; } = id;
        public string? Email { get; set; }
        public Dictionary<string, string> CrmUserIds { get; } = new(StringComparer.OrdinalIgnoreCase);
        public string? SlackUserId { get; set; }
        public string? TeamsUserId { get; set; }
        public string? Channel { get; set; }
        public string? CrmManager { get; init; }
        public string? Manager { get; set; }
        public HashSet<string> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);
        public string? CalendarName { get; set; }
        public BusinessCalendarOptions? WorkingHours { get; set; }
        public List<OutOfOfficePeriod> OutOfOffice { get; } = [];
        public int? MaxOpenLeads { get; set; }
        public int? MaxNewLeadsPerDay { get; set; }
        public int Weight { get; set; } = 1;
        public bool Active { get; set; } = true;

        public Person ToPerson(IDictionary<string, BusinessCalendarOptions> calendars)
        {
            var options = WorkingHours ?? (CalendarName is { } name && calendars.TryGetValue(name, out var named) ? named : null);
            var calendar = options is null ? null : BusinessCalendarFactory.TryCreate(options, Id, new List<string>());
            return new Person
            {
                Id = Id,
                Name = Name,
                Email = Email,
                CrmUserIds = new Dictionary<string, string>(CrmUserIds, StringComparer.OrdinalIgnoreCase),
                SlackUserId = SlackUserId,
                TeamsUserId = TeamsUserId,
                Channel = Channel,
                ManagerId = Manager,
                Teams = [.. Teams.Order(StringComparer.Ordinal)],
                Calendar = calendar,
                OutOfOffice = [.. OutOfOffice.OrderBy(p => p.From)],
                MaxOpenLeads = MaxOpenLeads,
                MaxNewLeadsPerDay = MaxNewLeadsPerDay,
                Weight = Math.Clamp(Weight, 1, 100),
                Active = Active,
            };
        }
    }
}

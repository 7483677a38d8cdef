namespace LeadSync.Core.People;

/// <summary>The checks of people and teams, shared by the settings validator and the admin <c>people</c> document.</summary>
public static class PeopleRules
{
    public static void Validate(
        string section, IDictionary<string, PersonOptions> people, IDictionary<string, TeamOptions> teams,
        IDictionary<string, BusinessCalendarOptions>? calendars, ICollection<string> failures)
    {
        foreach (var (id, person) in people)
        {
            var path = $"{section}:People:{id}";
            if (person is null)
            {
                failures.Add($"{path} must be an object.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(id) || id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
            {
                failures.Add($"{path} needs an id without '/', '\\', '#', '?' or control characters.");
            }

            if (person.Email is { Length: > 0 } email && !IsEmailAddress(email))
            {
                failures.Add($"{path}:Email '{email}' is not an e-mail address.");
            }

            if (!string.IsNullOrWhiteSpace(person.Channel) && !NotificationChannels.All.Contains(person.Channel.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{path}:Channel '{person.Channel}' must be one of {string.Join(", ", NotificationChannels.All)}.");
            }

            if (person.Weight is < 1 or > 100)
            {
                failures.Add($"{path}:Weight must be between 1 and 100.");
            }

            if (person.MaxOpenLeads is < 0)
            {
                failures.Add($"{path}:MaxOpenLeads must not be negative.");
            }

            if (person.MaxNewLeadsPerDay is < 0)
            {
                failures.Add($"{path}:MaxNewLeadsPerDay must not be negative.");
            }

            if (person.Manager is { Length: > 0 } manager && manager.Trim().Equals(id.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{path}:Manager must be someone else.");
            }

            if (person.Calendar is { Length: > 0 } && person.WorkingHours is not null)
            {
                failures.Add($"{path}:Calendar and {path}:WorkingHours are exclusive: name an SLA calendar or give the hours.");
            }
            else if (person.Calendar is { Length: > 0 } name && calendars is not null && !calendars.ContainsKey(name.Trim()))
            {
                failures.Add($"{path}:Calendar '{name}' is not an SLA calendar (LeadSync:Sla:Calendars); known: {string.Join(", ", calendars.Keys.Order(StringComparer.Ordinal))}.");
            }
            else if (person.WorkingHours is { } hours)
            {
                BusinessCalendarFactory.TryCreate(hours, $"{path}:WorkingHours", failures);
            }

            for (var i = 0; i < person.OutOfOffice.Count; i++)
            {
                if (person.OutOfOffice[i] is not { } period || period.To <= period.From)
                {
                    failures.Add($"{path}:OutOfOffice:{i}:To must be later than its From.");
                }
            }

            foreach (var (crm, userId) in person.CrmUserIds)
            {
                if (string.IsNullOrWhiteSpace(crm) || string.IsNullOrWhiteSpace(userId))
                {
                    failures.Add($"{path}:CrmUserIds:{crm} must name a CRM and a user id.");
                }
            }
        }

        foreach (var (id, team) in teams)
        {
            var path = $"{section}:Teams:{id}";
            if (team is null)
            {
                failures.Add($"{path} must be an object.");
            }
            else if (string.IsNullOrWhiteSpace(id))
            {
                failures.Add($"{path} needs an id.");
            }
        }
    }

    public static bool IsEmailAddress(string value) =>
        value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
}

using LeadSync.Core.People;

namespace LeadSync.Core.Tests.Routing;

/// <summary>The routing tests' team: Dana, Eli and Fay (Salesforce users 005A, 005B, 005C) in team EMEA.</summary>
public static class EmeaTeam
{
    public static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static PeopleOptions People()
    {
        var people = new PeopleOptions();
        foreach (var (email, name, owner) in new[] { ("dana@acme.com", "Dana", "005A"), ("eli@acme.com", "Eli", "005B"), ("fay@acme.com", "Fay", "005C") })
        {
            var person = new PersonOptions { Name = name, Email = email };
            person.CrmUserIds["salesforce"] = owner;
            person.Teams.Add("emea");
            people.People[email] = person;
        }

        people.Teams["emea"] = new TeamOptions { Name = "EMEA" };
        return people;
    }
}

using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Routing;

/// <summary>
/// A random team (from a seed): reps with weights, working calendars, out-of-office periods and capacity, built
/// through <see cref="PeopleDirectoryBuilder"/>, and a stream of lead arrivals over two weeks.
/// </summary>
public sealed class RoutingScenario
{
    public const string Crm = "sandbox";
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private RoutingScenario(PeopleDirectory directory, Team team, IReadOnlyList<DateTimeOffset> arrivals)
    {
        Directory = directory;
        Team = team;
        Arrivals = arrivals;
    }

    public PeopleDirectory Directory { get; }

    public Team Team { get; }

    public IReadOnlyList<DateTimeOffset> Arrivals { get; }

    public static RoutingScenario Random(int seed, int leads, bool constrained = true, bool weighted = true)
    {
        var random = new Random(seed);
        var options = new PeopleOptions();
        options.Teams["sales"] = new TeamOptions { Name = "Sales" };
        var reps = random.Next(1, 9);
        for (var i = 0; i < reps; i++)
        {
            var rep = new PersonOptions { Name = $"Rep {i}", Email = $"rep{i}@example.com", Weight = weighted ? random.Next(1, 4) : 1 };
            rep.CrmUserIds[Crm] = $"owner-{i}";
            rep.Teams.Add("sales");
            if (constrained)
            {
                if (random.Next(3) == 0)
                {
                    rep.WorkingHours = Hours(random.Next(2) == 0 ? "Europe/Berlin" : "America/New_York", random.Next(6, 11), random.Next(15, 20));
                }

                for (var p = random.Next(0, 3); p > 0; p--)
                {
                    var from = Start + TimeSpan.FromHours(random.Next(0, 14 * 24));
                    rep.OutOfOffice.Add(new OutOfOfficeOptions { From = from, To = from + TimeSpan.FromHours(random.Next(1, 72)), Note = "away" });
                }

                rep.MaxOpenLeads = random.Next(3) == 0 ? random.Next(0, 6) : null;
                rep.MaxNewLeadsPerDay = random.Next(3) == 0 ? random.Next(0, 8) : null;
                rep.Active = random.Next(10) != 0;
            }

            options.People[$"rep{i}@example.com"] = rep;
        }

        if (constrained && random.Next(4) == 0)
        {
            // A member without a user id in the connected CRM cannot be the owner.
            var noId = new PersonOptions { Name = "No Id", Email = "noid@example.com" };
            noId.Teams.Add("sales");
            options.People["noid@example.com"] = noId;
        }

        var directory = PeopleDirectoryBuilder.Build(Crm, SyncedPeople.None, options, new Dictionary<string, BusinessCalendarOptions>());
        var arrivals = Enumerable.Range(0, leads)
            .Select(_ => Start + TimeSpan.FromMinutes(random.Next(0, 14 * 24 * 60)))
            .Order()
            .ToList();
        return new RoutingScenario(directory, directory.FindTeam("sales")!, arrivals);
    }

    public static BusinessCalendarOptions Hours(string zone, int from, int to)
    {
        var calendar = new BusinessCalendarOptions { TimeZone = zone };
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            calendar.Hours[day] = $"{from:D2}:00-{to:D2}:00";
        }

        return calendar;
    }
}

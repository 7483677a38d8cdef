using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Routing;

/// <summary>
/// The routing promises, over random teams (calendars in two time zones, out-of-office periods, capacity, inactive reps,
/// a member without a CRM user id) and random arrival streams; FsCheck draws the seeds.
/// </summary>
[Properties(MaxTest = 150)]
public sealed class RoutingProperties
{
    [Property]
    public Property Never_an_unavailable_rep_while_an_available_one_exists(PositiveInt seed)
    {
        var scenario = RoutingScenario.Random(seed.Get, 200);
        var simulation = new RoutingSimulation(scenario, seed.Get);
        var failures = new List<string>();
        for (var i = 0; i < scenario.Arrivals.Count; i++)
        {
            var at = scenario.Arrivals[i];
            simulation.Step(i, at, pick =>
            {
                var available = scenario.Team.Members.Select(m => scenario.Directory.Find(m)!)
                    .Where(p => p.CrmUserId(RoutingScenario.Crm) is not null
                        && Availability.Absence(p, at) is null && Availability.Capacity(p, simulation.LoadOf(p, at)) is null)
                    .Select(p => p.Id).ToHashSet();
                if (pick.Chosen is null ? available.Count > 0 : !available.Contains(pick.Chosen.Id))
                {
                    failures.Add($"lead {i} at {at:O}: chose {pick.Chosen?.Id ?? "nobody"}, available: {string.Join(",", available)}");
                }
            });
        }

        return (failures.Count == 0).Label(string.Join("\n", failures.Take(5)));
    }

    [Property]
    public Property Capacity_is_never_exceeded(PositiveInt seed)
    {
        var scenario = RoutingScenario.Random(seed.Get, 300);
        var simulation = new RoutingSimulation(scenario, seed.Get);
        var failures = new List<string>();
        for (var i = 0; i < scenario.Arrivals.Count; i++)
        {
            var at = scenario.Arrivals[i];
            if (simulation.Step(i, at).Chosen is { } chosen)
            {
                var load = simulation.LoadOf(chosen, at);
                if (load.OpenLeads > chosen.MaxOpenLeads || load.NewToday > chosen.MaxNewLeadsPerDay)
                {
                    failures.Add($"lead {i}: {chosen.Id} now has {load} against caps {chosen.MaxOpenLeads}/{chosen.MaxNewLeadsPerDay}");
                }
            }
        }

        return (failures.Count == 0).Label(string.Join("\n", failures.Take(5)));
    }

    [Property]
    public Property Round_robin_is_fair_within_one_lead_per_rep_over_1000_leads(PositiveInt seed)
    {
        var scenario = RoutingScenario.Random(seed.Get, 1000, constrained: false, weighted: false);
        var simulation = new RoutingSimulation(scenario, seed.Get);
        for (var i = 0; i < scenario.Arrivals.Count; i++)
        {
            simulation.Step(i, scenario.Arrivals[i]);
        }

        var counts = scenario.Team.Members.Select(m => simulation.Counts.GetValueOrDefault(m)).ToList();
        return (counts.Sum() == 1000 && counts.Max() - counts.Min() <= 1).Label(string.Join(",", counts));
    }

    [Property]
    public Property Weighted_round_robin_gives_each_rep_its_share_within_one_lead(PositiveInt seed)
    {
        var scenario = RoutingScenario.Random(seed.Get, 1000, constrained: false, weighted: true);
        var simulation = new RoutingSimulation(scenario, seed.Get);
        var total = scenario.Team.Members.Sum(m => scenario.Directory.Find(m)!.Weight);
        var worst = 0.0;
        for (var i = 0; i < scenario.Arrivals.Count; i++)
        {
            simulation.Step(i, scenario.Arrivals[i]);
            foreach (var member in scenario.Team.Members)
            {
                var share = (i + 1) * (double)scenario.Directory.Find(member)!.Weight / total;
                worst = Math.Max(worst, Math.Abs(simulation.Counts.GetValueOrDefault(member) - share));
            }
        }

        return (worst < 1.0 + 1e-9).Label($"worst deviation {worst}");
    }

    [Property]
    public Property The_same_lead_routes_the_same_way_for_the_same_directory_version(PositiveInt seed, NonNegativeInt leadNumber)
    {
        var first = RoutingScenario.Random(seed.Get, 50);
        var again = RoutingScenario.Random(seed.Get, 50);
        var simulation = new RoutingSimulation(first, seed.Get);
        for (var i = 0; i < 20; i++)
        {
            simulation.Step(i, first.Arrivals[i]);
        }

        var at = first.Arrivals[20];
        var leadId = $"lead-x{leadNumber.Get}";
        var a = RoundRobin.Pick(first.Team, first.Directory, simulation.Credits, p => simulation.LoadOf(p, at), at, leadId);
        var b = RoundRobin.Pick(again.Team, again.Directory, simulation.Credits, p => simulation.LoadOf(p, at), at, leadId);
        return (first.Directory.Version == again.Directory.Version && a.Chosen?.Id == b.Chosen?.Id
            && a.Credits.OrderBy(c => c.Key).SequenceEqual(b.Credits.OrderBy(c => c.Key))).Label($"{a.Chosen?.Id} vs {b.Chosen?.Id}");
    }

    [Fact]
    public void A_changed_directory_has_another_version()
    {
        var options = new PeopleOptions();
        options.People["dana@example.com"] = new PersonOptions { Name = "Dana" };
        var before = PeopleDirectoryBuilder.Build("sandbox", SyncedPeople.None, options, new Dictionary<string, BusinessCalendarOptions>());
        options.People["dana@example.com"].OutOfOffice.Add(new OutOfOfficeOptions { From = RoutingScenario.Start, To = RoutingScenario.Start.AddDays(1) });
        var after = PeopleDirectoryBuilder.Build("sandbox", SyncedPeople.None, options, new Dictionary<string, BusinessCalendarOptions>());

        Assert.NotEqual(before.Version, after.Version);
    }
}

using LeadSync.Core.Leads;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Routing;

/// <summary>
/// A 50-rep team named only by its members' <c>Teams</c> exists and a territory-matched lead gets an available rep
/// each time (the case the routing cost measurement first ran into; the cost itself is benchmark B9).
/// </summary>
public sealed class RoutingCostTests
{
    [Fact]
    public void A_team_named_only_by_its_members_routes_every_lead_to_an_available_rep()
    {
        var options = new PeopleOptions();
        for (var i = 0; i < 50; i++)
        {
            var rep = new PersonOptions { Name = $"Rep {i}", Weight = 1 + (i % 3), MaxNewLeadsPerDay = 1000 };
            rep.CrmUserIds["sandbox"] = $"owner-{i}";
            rep.Teams.Add("emea");
            rep.WorkingHours = RoutingScenario.Hours("Europe/Berlin", 0, 23);
            rep.OutOfOffice.Add(new OutOfOfficeOptions { From = RoutingScenario.Start.AddDays(i % 7), To = RoutingScenario.Start.AddDays((i % 7) + 1) });
            options.People[$"rep{i}@acme.com"] = rep;
        }

        var directory = PeopleDirectoryBuilder.Build("sandbox", SyncedPeople.None, options, new Dictionary<string, BusinessCalendarOptions>());
        var team = directory.FindTeam("emea")!;
        var routing = new RoutingOptions();
        var policy = new RoutingPolicyOptions { Name = "p", Mode = RoutingModes.Route };
        for (var t = 0; t < 20; t++)
        {
            var rule = new TerritoryRuleOptions { Name = $"t{t}", Team = "emea" };
            rule.Countries.Add(t == 19 ? "DE" : $"X{t}");
            policy.Territories.Add(rule);
        }

        var lead = new LeadBuilder().With(l => l with { Contact = l.Contact with { Country = "DE" }, RawPayload = """{"data":{"email":"a@b.de","state":"BY"}}""" }).Build();
        IReadOnlyDictionary<string, long> credits = new Dictionary<string, long>();
        var at = RoutingScenario.Start.AddHours(10);
        const int Leads = 1000;

        for (var i = 0; i < Leads; i++)
        {
            Assert.NotNull(TerritoryMatcher.Match(lead, policy, routing));
            var pick = RoundRobin.Pick(team, directory, credits, _ => RepLoad.None, at, $"lead-{i}");
            Assert.NotNull(pick.Chosen);
            Assert.Null(Availability.Absence(pick.Chosen!, at));
            credits = pick.Credits;
        }
    }
}

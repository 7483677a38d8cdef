using System.Diagnostics;
using LeadSync.Core.Leads;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Core.Tests.Routing;

/// <summary>The CPU a routing decision costs: territory match and a round-robin step over a 50-rep team, far below 1 ms per lead.</summary>
public sealed class RoutingCostTests
{
    [Fact]
    public void Routing_a_lead_costs_well_under_a_millisecond()
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

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Leads; i++)
        {
            Assert.NotNull(TerritoryMatcher.Match(lead, policy, routing));
            credits = RoundRobin.Pick(team, directory, credits, _ => RepLoad.None, at, $"lead-{i}").Credits;
        }

        clock.Stop();
        Assert.True(clock.Elapsed.TotalMilliseconds / Leads < 1.0, $"{clock.Elapsed.TotalMilliseconds / Leads:F3} ms per lead");
    }
}

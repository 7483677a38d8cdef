using System.Diagnostics;
using LeadSync.Core.Leads;
using LeadSync.Core.People;
using LeadSync.Core.Routing;
using LeadSync.Core.Sla.Calendars;

namespace LeadSync.Bench.Benchmarks;

/// <summary>
/// B9: the CPU one routing decision costs, in process: a territory match over 20 rules and a weighted round-robin step
/// over a 50-rep team with working hours and out-of-office periods (issue 22: well under 1 ms per lead).
/// </summary>
public sealed class B9RoutingCostBenchmark : IBenchmark
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public string Id => "B9";

    public string Title => "Routing cost (territory match and round-robin over a 50-rep team)";

    public Task<BenchmarkResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new BenchmarkResult(Id, Title);
        var leads = context.Size(20_000, 200);
        var (directory, team) = Team();
        var policy = new RoutingPolicyOptions { Name = "p", Mode = RoutingModes.Route };
        for (var t = 0; t < 20; t++)
        {
            var rule = new TerritoryRuleOptions { Name = $"t{t}", Team = "emea" };
            rule.Countries.Add(t == 19 ? "DE" : $"X{t}");
            policy.Territories.Add(rule);
        }

        var routing = new RoutingOptions();
        var lead = new Lead
        {
            Id = LeadIdFactory.FromDelivery("generic", "b9"),
            Source = "generic",
            DeliveryKey = "b9",
            ReceivedAt = Monday,
            StatusChangedAt = Monday,
            Contact = new ContactDetails { Email = "a@b.de", Country = "DE" },
            RawPayload = """{"data":{"email":"a@b.de","state":"BY"}}""",
        };

        // Warm-up (JIT, time-zone data), not measured.
        Route(lead, policy, routing, team, directory, Math.Min(leads, 500));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var picked = Route(lead, policy, routing, team, directory, leads);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        result.Add(Figure.AtMost("wall time per routed lead", Math.Round(clock.Elapsed.TotalMilliseconds / leads, 4), "ms", 1));
        result.Add(new Figure("process CPU per routed lead", Math.Round(cpu.TotalMilliseconds / leads, 4), "ms"));
        result.Setup.Add("In process, one thread: `TerritoryMatcher.Match` and `RoundRobin.Pick` as `LeadRouting` calls them, on a directory built by `PeopleDirectoryBuilder`; wall time and process CPU over all decisions after a warm-up.");
        result.Notes.Add($"- {leads:#,0} decisions on one thread, each a territory match over 20 rules and a weighted round-robin step over 50 reps (working hours in Europe/Berlin, one out-of-office day each); {picked:#,0} chose a rep. No storage: the ledger's conditional write is measured by B2/B6, not here.");
        return Task.FromResult(result);
    }

    private static int Route(Lead lead, RoutingPolicyOptions policy, RoutingOptions routing, Team team, PeopleDirectory directory, int leads)
    {
        IReadOnlyDictionary<string, long> credits = new Dictionary<string, long>();
        var picked = 0;
        for (var i = 0; i < leads; i++)
        {
            if (TerritoryMatcher.Match(lead, policy, routing) is null)
            {
                throw new InvalidOperationException("The DE territory should match.");
            }

            var pick = RoundRobin.Pick(team, directory, credits, _ => RepLoad.None, Monday, $"lead-{i}");
            credits = pick.Credits;
            picked += pick.Chosen is null ? 0 : 1;
        }

        return picked;
    }

    private static (PeopleDirectory Directory, Team Team) Team()
    {
        var options = new PeopleOptions();
        for (var i = 0; i < 50; i++)
        {
            var rep = new PersonOptions { Name = $"Rep {i}", Weight = 1 + (i % 3), MaxNewLeadsPerDay = 1_000_000 };
            rep.CrmUserIds["sandbox"] = $"owner-{i}";
            rep.Teams.Add("emea");
            var hours = new BusinessCalendarOptions { TimeZone = "Europe/Berlin" };
            foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
            {
                hours.Hours[day] = "00:00-23:00";
            }

            rep.WorkingHours = hours;
            rep.OutOfOffice.Add(new OutOfOfficeOptions { From = Monday.AddDays(i % 7), To = Monday.AddDays((i % 7) + 1) });
            options.People[$"rep{i}@acme.com"] = rep;
        }

        var directory = PeopleDirectoryBuilder.Build("sandbox", SyncedPeople.None, options, new Dictionary<string, BusinessCalendarOptions>());
        return (directory, directory.FindTeam("emea")!);
    }
}

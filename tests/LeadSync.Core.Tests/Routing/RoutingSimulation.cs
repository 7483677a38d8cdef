using LeadSync.Core.People;
using LeadSync.Core.Routing;

namespace LeadSync.Core.Tests.Routing;

/// <summary>
/// Runs <see cref="RoundRobin"/> over a scenario's arrivals the way the ledger does: credits carried from step to step,
/// leads of the day and open leads counted per rep (a random share of open leads closes between arrivals).
/// </summary>
public sealed class RoutingSimulation(RoutingScenario scenario, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, List<string>> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly), int> _newByDay = [];

    public IReadOnlyDictionary<string, long> Credits { get; private set; } = new Dictionary<string, long>();

    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public RepLoad LoadOf(Person person, DateTimeOffset at) =>
        new(_open.GetValueOrDefault(person.Id)?.Count ?? 0, _newByDay.GetValueOrDefault((person.Id, DateOnly.FromDateTime(at.UtcDateTime))));

    /// <summary>One arrival; <paramref name="check"/> sees the pick and the loads before it was counted.</summary>
    public RoundRobinPick Step(int index, DateTimeOffset at, Action<RoundRobinPick>? check = null)
    {
        foreach (var open in _open.Values)
        {
            open.RemoveAll(_ => _random.Next(4) == 0);
        }

        var pick = RoundRobin.Pick(scenario.Team, scenario.Directory, Credits, p => LoadOf(p, at), at, $"lead-{index}");
        check?.Invoke(pick);
        if (pick.Chosen is { } chosen)
        {
            Credits = pick.Credits;
            Counts[chosen.Id] = Counts.GetValueOrDefault(chosen.Id) + 1;
            var day = (chosen.Id, DateOnly.FromDateTime(at.UtcDateTime));
            _newByDay[day] = _newByDay.GetValueOrDefault(day) + 1;
            if (chosen.MaxOpenLeads is not null)
            {
                (_open.TryGetValue(chosen.Id, out var list) ? list : _open[chosen.Id] = []).Add($"lead-{index}");
            }
        }

        return pick;
    }
}

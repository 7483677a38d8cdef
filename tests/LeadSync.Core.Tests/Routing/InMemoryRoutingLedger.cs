using LeadSync.Core.Routing;

namespace LeadSync.Core.Tests.Routing;

/// <summary>The ledger's semantics in memory: a commit succeeds only on the versions read; a lead key is routed once.</summary>
public sealed class InMemoryRoutingLedger : IRoutingLedger
{
    private readonly Dictionary<string, (IReadOnlyDictionary<string, long> Credits, int Version)> _teams = [];
    private readonly Dictionary<string, (RepLedger Rep, int Version)> _reps = [];
    private readonly Dictionary<string, RoutingAssignment> _leads = [];

    public int Commits { get; private set; }

    public Task<RoutingLedgerState> ReadAsync(string? teamId, IReadOnlyList<string> personIds, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, int>();
        IReadOnlyDictionary<string, long> credits = new Dictionary<string, long>();
        if (teamId is not null && _teams.TryGetValue(teamId, out var team))
        {
            credits = team.Credits;
            versions["team|" + teamId] = team.Version;
        }

        var reps = new Dictionary<string, RepLedger>();
        foreach (var id in personIds)
        {
            if (_reps.TryGetValue(id, out var rep))
            {
                reps[id] = rep.Rep;
                versions["rep|" + id] = rep.Version;
            }
        }

        return Task.FromResult(new RoutingLedgerState(teamId, credits, reps) { Concurrency = versions });
    }

    public Task<RoutingCommitResult> TryCommitAsync(RoutingLedgerState read, RoutingAssignment assignment, CancellationToken cancellationToken)
    {
        var versions = (Dictionary<string, int>)read.Concurrency!;
        if (_leads.ContainsKey(assignment.LeadId))
        {
            return Task.FromResult(RoutingCommitResult.AlreadyRouted);
        }

        var teamVersion = assignment.TeamId is { } t && _teams.TryGetValue(t, out var team) ? team.Version : 0;
        var repVersion = _reps.TryGetValue(assignment.PersonId, out var held) ? held.Version : 0;
        if ((assignment.TeamId is not null && teamVersion != versions.GetValueOrDefault("team|" + assignment.TeamId))
            || repVersion != versions.GetValueOrDefault("rep|" + assignment.PersonId))
        {
            return Task.FromResult(RoutingCommitResult.Conflict);
        }

        if (assignment.TeamId is { } teamId && assignment.Credits is { } credits)
        {
            _teams[teamId] = (credits, teamVersion + 1);
        }

        var day = DateOnly.FromDateTime(assignment.At.UtcDateTime);
        var rep = read.Rep(assignment.PersonId);
        var open = rep.OpenLeads.Except(assignment.ReleasedLeads).ToList();
        if (assignment.TrackOpen)
        {
            open.Add(assignment.LeadId);
        }

        _reps[assignment.PersonId] = (new RepLedger(assignment.PersonId, day, (rep.Day == day ? rep.NewOnDay : 0) + 1, open), repVersion + 1);
        _leads[assignment.LeadId] = assignment;
        Commits++;
        return Task.FromResult(RoutingCommitResult.Committed);
    }

    public Task<RoutingAssignment?> FindAsync(string leadId, CancellationToken cancellationToken) =>
        Task.FromResult(_leads.GetValueOrDefault(leadId));

    public RepLedger Rep(string personId) => _reps.TryGetValue(personId, out var rep) ? rep.Rep : RepLedger.Empty(personId);
}

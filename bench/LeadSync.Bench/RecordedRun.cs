namespace LeadSync.Bench;

/// <summary>
/// One benchmark's latest full-size run as kept in bench/results/{Id}.json: its figures plus when and on what machine
/// (with the load average before and after) it was measured, so RESULTS.md can be rendered from runs made at different
/// times and say so per benchmark.
/// </summary>
public sealed record RecordedRun(
    string Id,
    string Title,
    DateTimeOffset StartedAt,
    double Minutes,
    bool Smoke,
    IReadOnlyList<string> Machine,
    string LoadBefore,
    string LoadAfter,
    IReadOnlyList<string> Setup,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<string> Notes)
{
    public static RecordedRun Of(BenchmarkResult result, DateTimeOffset startedAt, TimeSpan took, bool smoke, string loadBefore)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new RecordedRun(result.Id, result.Title, startedAt, Math.Round(took.TotalMinutes, 2), smoke, MachineFacts.Describe(),
            loadBefore, MachineFacts.LoadAverage(), [.. result.Setup], [.. result.Figures], [.. result.Notes]);
    }
}

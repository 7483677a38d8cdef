using System.Text;

namespace LeadSync.Bench;

/// <summary>
/// Renders bench/RESULTS.md from the latest run of each benchmark: a summary of every goal, then one section per
/// benchmark with when it ran, the machine and its load, its set-up, figures and notes.
/// </summary>
public static class ResultsWriter
{
    /// <param name="staleness">Why a run's figures are stale (<see cref="FigureFreshness.Check"/>), or null when fresh.</param>
    public static string Render(IReadOnlyList<RecordedRun> runs, Func<RecordedRun, string?>? staleness = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var stale = runs.ToDictionary(r => r.Id, r => staleness?.Invoke(r), StringComparer.Ordinal);
        var md = new StringBuilder();
        md.AppendLine("# LeadSync benchmark results").AppendLine();
        md.AppendLine("Written by `./eng/bench` from the latest run of each benchmark (bench/results/*.json). Every figure was");
        md.AppendLine("measured by the harness; ratios compare two sides measured in the same run. Each section says when it ran,");
        md.AppendLine("on which commit, and the machine's load average before and after it (other work on the machine shares the");
        md.AppendLine("cores and skews timings).").AppendLine();
        if (runs.Any(r => r.Smoke))
        {
            md.AppendLine("**SMOKE mode** runs below use tiny sizes: their figures are not meaningful.").AppendLine();
        }

        if (runs.Count > 0)
        {
            md.AppendLine("## Machine").AppendLine();
            foreach (var fact in runs[^1].Machine.Where(f => !f.StartsWith("Commit:", StringComparison.Ordinal)))
            {
                md.AppendLine($"- {fact}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Summary").AppendLine();
        if (stale.Values.Any(s => s is not null))
        {
            md.AppendLine("Figures marked **STALE** were measured on a commit older than the last change to the code they measure");
            md.AppendLine($"({string.Join(", ", FigureFreshness.MeasuredPaths.Select(p => $"`{p}`"))}): re-run that benchmark before relying on them.").AppendLine();
        }

        md.AppendLine("| Benchmark | Figure | Measured | Goal | Met | Commit |");
        md.AppendLine("|---|---|---:|---|---|---|");
        foreach (var run in runs)
        {
            var commit = (FigureFreshness.CommitOf(run) ?? "unknown") + (stale[run.Id] is null ? "" : " **STALE**");
            foreach (var figure in run.Figures.Where(f => f.Goal is not null))
            {
                md.AppendLine($"| {run.Id} | {figure.Name} | {Figure.Format(figure.Value)} {figure.Unit} | {figure.Goal} | {(figure.Met == true ? "yes" : "**no**")} | {commit} |");
            }
        }

        foreach (var run in runs)
        {
            RenderRun(md, run, stale[run.Id]);
        }

        return md.ToString();
    }

    private static void RenderRun(StringBuilder md, RecordedRun run, string? stale)
    {
        md.AppendLine().AppendLine($"## {run.Id} — {run.Title}").AppendLine();
        if (stale is not null)
        {
            md.AppendLine($"**STALE**: {stale}.").AppendLine();
        }

        var commit = run.Machine.FirstOrDefault(f => f.StartsWith("Commit:", StringComparison.Ordinal)) ?? "Commit: unknown";
        md.AppendLine($"Run {run.StartedAt:yyyy-MM-dd HH:mm} UTC{(run.Smoke ? " (SMOKE: tiny sizes)" : "")}, {run.Minutes:0.0} min; {commit.ToLowerInvariant()[..1] + commit[1..]}; load average (1, 5, 15 min) {run.LoadBefore} before, {run.LoadAfter} after.").AppendLine();
        foreach (var line in run.Setup)
        {
            md.AppendLine($"- {line}");
        }

        md.AppendLine().AppendLine("| Figure | Measured | Goal |").AppendLine("|---|---:|---|");
        foreach (var figure in run.Figures)
        {
            var goal = figure.Goal is null ? "" : $"{figure.Goal} ({(figure.Met == true ? "met" : "**not met**")})";
            md.AppendLine($"| {figure.Name} | {Figure.Format(figure.Value)} {figure.Unit} | {goal} |");
        }

        if (run.Notes.Count > 0)
        {
            md.AppendLine();
            foreach (var note in run.Notes)
            {
                md.AppendLine(note);
            }
        }
    }
}

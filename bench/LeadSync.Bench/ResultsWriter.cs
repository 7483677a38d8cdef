using System.Text;

namespace LeadSync.Bench;

/// <summary>
/// Renders bench/RESULTS.md from the latest run of each benchmark: a summary of every goal, then one section per
/// benchmark with when it ran, the machine and its load, its set-up, figures and notes.
/// </summary>
public static class ResultsWriter
{
    public static string Render(IReadOnlyList<RecordedRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
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
        md.AppendLine("| Benchmark | Figure | Measured | Goal | Met |");
        md.AppendLine("|---|---|---:|---|---|");
        foreach (var run in runs)
        {
            foreach (var figure in run.Figures.Where(f => f.Goal is not null))
            {
                md.AppendLine($"| {run.Id} | {figure.Name} | {Figure.Format(figure.Value)} {figure.Unit} | {figure.Goal} | {(figure.Met == true ? "yes" : "**no**")} |");
            }
        }

        foreach (var run in runs)
        {
            RenderRun(md, run);
        }

        return md.ToString();
    }

    private static void RenderRun(StringBuilder md, RecordedRun run)
    {
        md.AppendLine().AppendLine($"## {run.Id} — {run.Title}").AppendLine();
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

using System.Text;

namespace LeadSync.Bench;

/// <summary>Renders a run as bench/RESULTS.md: date, machine facts, then one section per benchmark.</summary>
public static class ResultsWriter
{
    public static string Render(IReadOnlyList<BenchmarkResult> results, DateTimeOffset startedAt, TimeSpan took, bool smoke)
    {
        var md = new StringBuilder();
        md.AppendLine("# LeadSync benchmark results").AppendLine();
        md.AppendLine($"Written by `./eng/bench` on {startedAt:yyyy-MM-dd HH:mm} UTC{(smoke ? " (SMOKE mode: tiny sizes, figures not meaningful)" : "")}; the run took {took.TotalMinutes:0.0} min.");
        md.AppendLine("Every figure below was measured in this run; ratios compare two sides measured in the same run.").AppendLine();
        md.AppendLine("## Machine").AppendLine();
        foreach (var fact in MachineFacts.Describe())
        {
            md.AppendLine($"- {fact}");
        }

        md.AppendLine();
        md.AppendLine("## Summary").AppendLine();
        md.AppendLine("| Benchmark | Figure | Measured | Goal | Met |");
        md.AppendLine("|---|---|---:|---|---|");
        foreach (var result in results)
        {
            foreach (var figure in result.Figures.Where(f => f.Goal is not null))
            {
                md.AppendLine($"| {result.Id} | {figure.Name} | {Figure.Format(figure.Value)} {figure.Unit} | {figure.Goal} | {(figure.Met == true ? "yes" : "**no**")} |");
            }
        }

        foreach (var result in results)
        {
            md.AppendLine().AppendLine($"## {result.Id} — {result.Title}").AppendLine();
            foreach (var line in result.Setup)
            {
                md.AppendLine($"- {line}");
            }

            md.AppendLine().AppendLine("| Figure | Measured | Goal |").AppendLine("|---|---:|---|");
            foreach (var figure in result.Figures)
            {
                var goal = figure.Goal is null ? "" : $"{figure.Goal} ({(figure.Met == true ? "met" : "**not met**")})";
                md.AppendLine($"| {figure.Name} | {Figure.Format(figure.Value)} {figure.Unit} | {goal} |");
            }

            if (result.Notes.Count > 0)
            {
                md.AppendLine();
                foreach (var note in result.Notes)
                {
                    md.AppendLine(note);
                }
            }
        }

        return md.ToString();
    }
}

using LeadSync.Bench;

namespace LeadSync.Bench.Tests;

public sealed class ResultsWriterTests
{
    [Fact]
    public void Summary_lists_every_goal_with_whether_it_was_met()
    {
        var result = new BenchmarkResult("B9", "Example");
        result.Setup.Add("1,000 requests");
        result.Add(Figure.AtMost("p99 accept latency", 31.5, "ms", 25));
        result.Add(Figure.AtLeast("throughput", 1200, "req/s", 1000));
        result.Add(new Figure("requests", 1000, ""));

        var run = RecordedRun.Of(result, DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(2), smoke: false, loadBefore: "0.10, 0.20, 0.30");
        var md = ResultsWriter.Render([run]);

        Assert.Contains("| B9 | p99 accept latency | 31.5 ms | ≤ 25 ms | **no** | ", md, StringComparison.Ordinal);
        Assert.Contains("| B9 | throughput | 1,200 req/s | ≥ 1,000 req/s | yes | ", md, StringComparison.Ordinal);
        Assert.Contains("## B9 — Example", md, StringComparison.Ordinal);
        Assert.Contains("- 1,000 requests", md, StringComparison.Ordinal);
        Assert.Contains("logical cores", md, StringComparison.Ordinal);
        Assert.Contains("Run 2026-11-23 10:00 UTC, 2.0 min", md, StringComparison.Ordinal);
        Assert.Contains("load average (1, 5, 15 min) 0.10, 0.20, 0.30 before", md, StringComparison.Ordinal);
        Assert.DoesNotContain("SMOKE", md, StringComparison.Ordinal);
        Assert.False(result.AllGoalsMet);
    }

    [Fact]
    public void A_subset_run_replaces_only_its_own_benchmarks_and_the_rest_are_kept()
    {
        var directory = Path.Combine(Path.GetTempPath(), "leadsync-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new ResultStore(directory);
            store.Save(Run("B4", 1_050, DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
            store.Save(Run("B1", 0.3, DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
            store.Save(Run("B1", 0.9, DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

            var runs = store.LoadAll();

            Assert.Equal(["B1", "B4"], runs.Select(r => r.Id));
            Assert.Equal(0.9, runs[0].Figures.Single().Value);
            Assert.Equal(1_050, runs[1].Figures.Single().Value);
            var md = ResultsWriter.Render(runs);
            Assert.Contains("| B1 | ratio | 0.9  | ≥ 0.8 | yes |", md, StringComparison.Ordinal);
            Assert.Contains("Run 2026-12-01 10:00 UTC", md, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static RecordedRun Run(string id, double value, DateTimeOffset at)
    {
        var result = new BenchmarkResult(id, "Example " + id);
        result.Add(Figure.AtLeast("ratio", value, "", 0.8));
        return RecordedRun.Of(result, at, TimeSpan.FromMinutes(1), smoke: false, loadBefore: "1.00, 1.00, 1.00");
    }

    [Fact]
    public void A_run_measured_before_the_last_change_to_the_code_it_measures_is_flagged_stale_and_one_on_head_is_not()
    {
        var root = LeadSync.Testing.RepoPaths.Root;
        var head = Git(root, "rev-parse --short HEAD");
        var lastChange = Git(root, "log -1 --format=%h -- src");
        var before = Git(root, $"rev-parse --short {lastChange}~1");

        var fresh = WithCommit(Run("B1", 0.9, DateTimeOffset.UtcNow), head);
        var old = WithCommit(Run("B2", 0.9, DateTimeOffset.UtcNow), before);

        Assert.Null(FigureFreshness.Check(fresh, root));
        Assert.Contains("changed since", FigureFreshness.Check(old, root), StringComparison.Ordinal);
        var md = ResultsWriter.Render([fresh, old], run => FigureFreshness.Check(run, root));
        Assert.Contains($"| B1 | ratio | 0.9  | ≥ 0.8 | yes | {head} |", md, StringComparison.Ordinal);
        Assert.Contains($"| B2 | ratio | 0.9  | ≥ 0.8 | yes | {before} **STALE** |", md, StringComparison.Ordinal);
        Assert.Contains($"**STALE**: measured on {before}", md, StringComparison.Ordinal);
    }

    private static RecordedRun WithCommit(RecordedRun run, string commit) =>
        run with { Machine = [.. run.Machine.Where(f => !f.StartsWith("Commit:", StringComparison.Ordinal)), $"Commit: {commit}"] };

    private static string Git(string root, string args)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", args) { RedirectStandardOutput = true, WorkingDirectory = root })!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return output;
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        var latencies = new Latencies();
        foreach (var ms in Enumerable.Range(1, 100))
        {
            latencies.Add(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(50, latencies.Percentile(50));
        Assert.Equal(99, latencies.Percentile(99));
        Assert.Equal(100, latencies.Percentile(100));
        Assert.True(double.IsNaN(new Latencies().Percentile(50)));
    }
}

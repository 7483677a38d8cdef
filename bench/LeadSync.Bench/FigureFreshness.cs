using System.Diagnostics;

namespace LeadSync.Bench;

/// <summary>
/// Whether a recorded run still measures the code: the last commit that changed what a benchmark measures
/// (<see cref="MeasuredPaths"/>) must be the run's commit or one of its ancestors; otherwise RESULTS.md flags the run's
/// figures as stale (measured on older code), and a run without a known commit is flagged too.
/// </summary>
public static class FigureFreshness
{
    /// <summary>What every benchmark measures: the product, the harness and the simulators it drives, the scripts.</summary>
    public static readonly IReadOnlyList<string> MeasuredPaths = ["src", "bench/LeadSync.Bench", "tests/LeadSync.Testing", "eng", "host.json"];

    /// <summary>Null when fresh, else why the run's figures are stale (for RESULTS.md).</summary>
    public static string? Check(RecordedRun run, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(run);
        var commit = CommitOf(run);
        if (commit is null)
        {
            return "measured on an unknown commit";
        }

        var changed = Git(repositoryRoot, ["log", "-1", "--format=%h %cs", "--", .. MeasuredPaths]);
        if (changed is not { Length: > 0 })
        {
            return null;
        }

        var lastChange = changed.Split(' ')[0];
        return Git(repositoryRoot, ["merge-base", "--is-ancestor", lastChange, commit]) is null
            ? $"measured on {commit}; the code it measures changed since (last in {changed.Replace(" ", ", ", StringComparison.Ordinal)})"
            : null;
    }

    /// <summary>The commit a run was measured on, from its machine facts (<c>Commit: abc1234</c>), or null.</summary>
    public static string? CommitOf(RecordedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var fact = run.Machine.FirstOrDefault(f => f.StartsWith("Commit:", StringComparison.Ordinal));
        var commit = fact?["Commit:".Length..].Trim().Split(' ')[0];
        return string.IsNullOrEmpty(commit) || commit == "unknown" ? null : commit;
    }

    /// <summary>git's trimmed output, or null when it failed (e.g. not an ancestor, unknown commit).</summary>
    private static string? Git(string root, IEnumerable<string> args)
    {
        try
        {
            var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
#pragma warning disable CA1031 // No git: freshness unknown, reported as not stale rather than failing the render.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}

using System.Runtime.InteropServices;

namespace LeadSync.Bench;

/// <summary>The machine a run measured, for the head of RESULTS.md.</summary>
public static class MachineFacts
{
    public static IReadOnlyList<string> Describe() =>
    [
        $"CPU: {CpuModel()} — {Environment.ProcessorCount} logical cores",
        $"Memory: {MemoryGiB()} GiB",
        $"OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        $".NET: {RuntimeInformation.FrameworkDescription}",
        $"Commit: {GitCommit()}",
    ];

    /// <summary>The 1, 5 and 15-minute load averages: other work on the machine shares the cores and skews timings.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
        {
            return "unknown";
        }

        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() ?? "unknown";
    }

    private static string MemoryGiB()
    {
        const string meminfo = "/proc/meminfo";
        if (!File.Exists(meminfo))
        {
            return "unknown";
        }

        var line = File.ReadLines(meminfo).First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (kb / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string GitCommit()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = LeadSync.Testing.RepoPaths.Root,
            })!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? sha : "unknown";
        }
#pragma warning disable CA1031 // Machine facts are best effort.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "unknown";
        }
    }
}

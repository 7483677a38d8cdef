using System.Globalization;

namespace LeadSync.Bench.Probes;

/// <summary>Resident set size of a process, from <c>/proc/{pid}/status</c> (VmRSS).</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS in MiB, or null when the process is gone (or this is not Linux).</summary>
    public static double? RssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

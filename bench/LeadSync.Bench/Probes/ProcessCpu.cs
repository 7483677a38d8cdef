using System.Globalization;

namespace LeadSync.Bench.Probes;

/// <summary>CPU time (user + system) a process has used, from <c>/proc/{pid}/stat</c>.</summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of <c>/proc</c> times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds used so far, or null when the process is gone (or this is not Linux).</summary>
    public static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // Fields after the command name (which may hold spaces) start at state (field 3); utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

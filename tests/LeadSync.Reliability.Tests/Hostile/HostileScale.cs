using System.Globalization;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// R5's size and replay switches: cases per source (CI scale, or ≥ 10,000 with <c>LEADSYNC_RELIABILITY_LONG=1</c>),
/// the seed (<c>LEADSYNC_R5_SEED</c>; unset, a fixed seed under CI so a submission is judged on known cases, and a new
/// random one, printed, on every other run so local runs keep exploring) and one case to replay (<c>LEADSYNC_R5_CASE=source:index</c>).
/// </summary>
public static class HostileScale
{
    public static int CasesPerSource => ReliabilityScale.Long ? 10_000 : 300;

    public static int Parallelism => 4;

    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("LEADSYNC_R5_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
        ? seed
        : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? CiSeed : Random.Shared.Next();

    /// <summary>The seed CI runs when none is given.</summary>
    public const int CiSeed = 20261205;

    /// <summary>The indices to run for <paramref name="source"/>: all, or the one case named by LEADSYNC_R5_CASE.</summary>
    public static IEnumerable<int> Indices(string source)
    {
        var only = Environment.GetEnvironmentVariable("LEADSYNC_R5_CASE");
        if (string.IsNullOrEmpty(only))
        {
            return Enumerable.Range(0, CasesPerSource);
        }

        var parts = only.Split(':', 2);
        return parts[0] == source && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? [index] : [];
    }
}

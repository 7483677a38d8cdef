namespace LeadSync.Core.Reports;

/// <summary>Median and 90th percentile (nearest rank) in seconds over <see cref="Count"/> samples; null when there are none.</summary>
public sealed record LatencyStats(int Count, double? MedianSeconds, double? P90Seconds)
{
    public static LatencyStats Of(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalSeconds).Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, null, null)
            : new LatencyStats(sorted.Length, NearestRank(sorted, 0.5), NearestRank(sorted, 0.9));
    }

    /// <summary>The smallest sample with at least <paramref name="p"/> of the samples at or below it.</summary>
    private static double NearestRank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

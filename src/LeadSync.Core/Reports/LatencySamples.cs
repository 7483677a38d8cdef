namespace LeadSync.Core.Reports;

/// <summary>
/// Every latency sample of a set of lead cycles, exactly (in ticks), so that percentiles over any union of sets are the
/// same as over the rows themselves: a rollup keeps the values, not buckets.
/// </summary>
public sealed class LatencySamples
{
    private readonly List<long> _ticks = [];
    private bool _sorted = true;

    public int Count => _ticks.Count;

    /// <summary>The samples in ascending order.</summary>
    public IReadOnlyList<long> Ticks
    {
        get
        {
            if (!_sorted)
            {
                _ticks.Sort();
                _sorted = true;
            }

            return _ticks;
        }
    }

    public void Add(TimeSpan sample) => Add(sample.Ticks);

    public void Add(long ticks)
    {
        _sorted = _sorted && (_ticks.Count == 0 || _ticks[^1] <= ticks);
        _ticks.Add(ticks);
    }

    public void AddRange(LatencySamples other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        _sorted = _ticks.Count == 0 && other._sorted;
        _ticks.AddRange(other._ticks);
    }

    /// <summary>Median and 90th percentile by nearest rank, as <see cref="LatencyStats.Of"/> computes them from the samples.</summary>
    public LatencyStats Stats()
    {
        var sorted = Ticks;
        return sorted.Count == 0
            ? new LatencyStats(0, null, null)
            : new LatencyStats(sorted.Count, Seconds(sorted, 0.5), Seconds(sorted, 0.9));
    }

    private static double Seconds(IReadOnlyList<long> sorted, double p) =>
        TimeSpan.FromTicks(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)]).TotalSeconds;
}

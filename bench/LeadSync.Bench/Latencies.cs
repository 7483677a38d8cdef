namespace LeadSync.Bench;

/// <summary>Collects latency samples (thread-safe) and reports percentiles in milliseconds.</summary>
public sealed class Latencies
{
    private readonly Lock _lock = new();
    private readonly List<double> _ms = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ms.Count;
            }
        }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _ms.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Nearest-rank percentile, <paramref name="p"/> in 0…100; NaN when empty.</summary>
    public double Percentile(double p)
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _ms];
        }

        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

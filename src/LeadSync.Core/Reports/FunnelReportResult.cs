namespace LeadSync.Core.Reports;

/// <summary>The funnel report: one entry per group, ordered by key, with the total and the first-touch distribution.</summary>
public sealed record FunnelReportResult(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<FunnelGroup> Groups)
{
    /// <summary>The figures of every row the report counted (all groups together); null in results built before it existed.</summary>
    public FunnelGroup? Total { get; init; }

    /// <summary>Time to first touch of the counted cycles in buckets, elapsed and in business time.</summary>
    public IReadOnlyList<LatencyBucket> FirstTouchDistribution { get; init; } = [];

    /// <summary>Whether vendor test leads were counted.</summary>
    public bool IncludeTest { get; init; }
}

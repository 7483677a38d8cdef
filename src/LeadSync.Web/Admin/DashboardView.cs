namespace LeadSync.Web.Admin;

/// <summary>
/// The JSON shape of <c>GET /api/admin/dashboard</c>: SLA compliance per day, time to first touch (elapsed minutes)
/// as a histogram, and lead counts per source and status, over every lead cycle the report index holds for the window
/// (<see cref="Truncated"/> is always false since the dashboard reads the index; kept for API compatibility).
/// </summary>
public sealed record DashboardView(
    DateTimeOffset From,
    DateTimeOffset To,
    int Evaluated,
    bool Truncated,
    IReadOnlyList<DailyCompliance> Compliance,
    IReadOnlyList<HistogramBucket> FirstTouch,
    IReadOnlyList<SourceFunnel> Funnel);

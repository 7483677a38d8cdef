namespace LeadSync.Web.Admin;

/// <summary>
/// The JSON shape of <c>GET /api/admin/dashboard</c>: SLA compliance per day, time to first touch (elapsed minutes)
/// as a histogram, and lead counts per source and status. Computed over at most <see cref="DashboardEndpoints.MaxLeads"/>
/// leads received in the window; <see cref="Truncated"/> says when more exist.
/// </summary>
public sealed record DashboardView(
    DateTimeOffset From,
    DateTimeOffset To,
    int Evaluated,
    bool Truncated,
    IReadOnlyList<DailyCompliance> Compliance,
    IReadOnlyList<HistogramBucket> FirstTouch,
    IReadOnlyList<SourceFunnel> Funnel);

namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/admin/dashboard?days=14</c>: the console's overview charts, read from the report index (the rows of the
/// window's days, one partition-range query; never a scan of leads). Vendor test leads are left out.
/// </summary>
public sealed class DashboardEndpoints(IFunnelIndex index, TimeProvider timeProvider, EndpointGuard guard)
{
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("dashboard", async () =>
        {
            var daysText = request.Query["days"].ToString();
            var days = 14;
            if (daysText.Length > 0 && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > 90))
            {
                return Problem.Validation(new Dictionary<string, string[]> { ["days"] = ["days must be a number from 1 to 90."] });
            }

            var now = timeProvider.GetUtcNow();
            var today = FunnelRow.DayOf(now);
            var first = today.AddDays(1 - days);
            var rows = (await index.ReadAsync(first, today, cancellationToken)).Where(r => !r.IsTest).ToList();
            var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return TypedResults.Ok(new DashboardView(from, now, rows.Count, false, Compliance(rows, first, days, now), FirstTouch(rows), Funnel(rows)));
        });

    private static List<DailyCompliance> Compliance(List<FunnelRow> rows, DateOnly first, int days, DateTimeOffset now) =>
        Enumerable.Range(0, days).Select(d =>
        {
            var day = first.AddDays(d);
            var ofDay = rows.Where(r => r.SlaDueAt is not null && r.Day == day).ToList();
            var met = ofDay.Count(r => r.FirstTouchAt is { } t && t <= r.SlaDueAt);
            var breached = ofDay.Count(r => r.FirstTouchAt is { } t ? t > r.SlaDueAt : now > r.SlaDueAt);
            return new DailyCompliance(day, met, breached, ofDay.Count - met - breached);
        }).ToList();

    private static List<HistogramBucket> FirstTouch(List<FunnelRow> rows) =>
        [.. LatencyBucket.Of(rows).Select(b => new HistogramBucket(b.Label, b.FromMinutes, b.ToMinutes, b.Elapsed))];

    private static List<SourceFunnel> Funnel(List<FunnelRow> rows) =>
        rows.GroupBy(r => r.Source, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceFunnel(g.Key, Enum.GetValues<LeadStatus>().ToDictionary(s => s.ToString(), s => g.Count(r => r.Status == s))))
            .ToList();
}

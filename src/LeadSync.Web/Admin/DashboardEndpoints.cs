namespace LeadSync.Web.Admin;

/// <summary><c>GET /api/admin/dashboard?days=14</c>: the console's charts, over the lead search (bounded read).</summary>
public sealed class DashboardEndpoints(ILeadSearch search, TimeProvider timeProvider, EndpointGuard guard)
{
    public const int MaxLeads = 2000;

    private static readonly (string Label, int From, int? To)[] Buckets =
        [("<5m", 0, 5), ("5–15m", 5, 15), ("15–30m", 15, 30), ("30–60m", 30, 60), ("1–4h", 60, 240), ("4h+", 240, null)];

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
            var from = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - days);
            var (leads, truncated) = await ReadAsync(from, cancellationToken);
            return TypedResults.Ok(new DashboardView(from, now, leads.Count, truncated, Compliance(leads, from, days, now), FirstTouch(leads), Funnel(leads)));
        });

    private static List<DailyCompliance> Compliance(List<Lead> leads, DateTimeOffset from, int days, DateTimeOffset now) =>
        Enumerable.Range(0, days).Select(d =>
        {
            var day = DateOnly.FromDateTime(from.UtcDateTime.AddDays(d));
            var ofDay = leads.Where(l => l.SlaDueAt is not null && DateOnly.FromDateTime(l.ReceivedAt.UtcDateTime) == day).ToList();
            var met = ofDay.Count(l => l.FirstTouchAt is { } t && t <= l.SlaDueAt);
            var breached = ofDay.Count(l => l.FirstTouchAt is { } t ? t > l.SlaDueAt : now > l.SlaDueAt);
            return new DailyCompliance(day, met, breached, ofDay.Count - met - breached);
        }).ToList();

    private static List<HistogramBucket> FirstTouch(List<Lead> leads)
    {
        var minutes = leads.Where(l => l.FirstTouchAt is not null).Select(l => (l.FirstTouchAt!.Value - l.ReceivedAt).TotalMinutes).ToList();
        return Buckets.Select(b => new HistogramBucket(b.Label, b.From, b.To, minutes.Count(m => m >= b.From && (b.To is null || m < b.To)))).ToList();
    }

    private static List<SourceFunnel> Funnel(List<Lead> leads) =>
        leads.GroupBy(l => l.Source, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceFunnel(g.Key, Enum.GetValues<LeadStatus>().ToDictionary(s => s.ToString(), s => g.Count(l => l.Status == s))))
            .ToList();

    private async Task<(List<Lead> Leads, bool Truncated)> ReadAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        var leads = new List<Lead>();
        string? token = null;
        do
        {
            var page = await search.SearchAsync(new LeadSearchQuery { ReceivedFrom = from, PageSize = Math.Min(1000, MaxLeads - leads.Count), ContinuationToken = token }, cancellationToken);
            leads.AddRange(page.Leads);
            token = page.ContinuationToken;
        }
        while (token is not null && leads.Count < MaxLeads);

        return (leads, token is not null);
    }
}

namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/admin/reports/funnel?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;groupBy=source|campaign|owner</c>: the closed-loop
/// report (admin identity required); JSON, or CSV when the caller accepts <c>text/csv</c>.
/// </summary>
public sealed class ReportEndpoints(FunnelReport report, EndpointGuard guard)
{
    public Task<IResult> GetFunnelAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("funnel report", async () =>
        {
            var query = FunnelQuery.Parse(request.Query["from"], request.Query["to"], request.Query["groupBy"], out var errors);
            if (query is null)
            {
                return Problem.WithErrors(ProblemTypes.Malformed, "One or more query parameters are invalid.", errors);
            }

            var result = await report.BuildAsync(query, cancellationToken);
            return WantsCsv(request)
                ? TypedResults.Text(FunnelCsv.Write(result), "text/csv; charset=utf-8")
                : TypedResults.Ok(result);
        });

    private static bool WantsCsv(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);
}

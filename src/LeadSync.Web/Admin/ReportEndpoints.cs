namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/admin/reports/funnel?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;groupBy=source|campaign|owner|team|week</c>
/// (filters <c>source</c>, <c>campaign</c>, <c>owner</c>, <c>includeTest</c>): the closed-loop report from the report
/// index (admin identity required); JSON, or CSV when the caller accepts <c>text/csv</c>.
/// </summary>
public sealed class ReportEndpoints(FunnelReport report, EndpointGuard guard)
{
    public Task<IResult> GetFunnelAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("funnel report", async () =>
        {
            var q = request.Query;
            var query = FunnelQuery.Parse(q["from"], q["to"], q["groupBy"], out var errors, q["source"], q["campaign"], q["owner"], q["includeTest"]);
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

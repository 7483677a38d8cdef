namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/admin/leads?status=&amp;source=&amp;owner=&amp;breached=&amp;pageSize=&amp;continuationToken=</c>:
/// paged lead search. <c>status</c> takes a comma-separated list; <c>breached=true</c> means escalated at least once.
/// </summary>
public sealed class LeadSearchEndpoints(ILeadSearch search, EndpointGuard guard)
{
    public Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("lead search", async () =>
        {
            if (Parse(request.Query) is not { } query)
            {
                return Problem.Validation(Errors(request.Query));
            }

            var page = await search.SearchAsync(query, cancellationToken);
            return TypedResults.Ok(new LeadSearchView(page.Leads.Select(LeadSummary.From).ToList(), page.ContinuationToken));
        });

    private static LeadSearchQuery? Parse(IQueryCollection query) => Errors(query).Count > 0
        ? null
        : new LeadSearchQuery
        {
            Statuses = Statuses(query["status"].ToString()).Select(s => Enum.Parse<LeadStatus>(s, ignoreCase: true)).ToList(),
            Source = Blank(query["source"].ToString()),
            Owner = Blank(query["owner"].ToString()),
            Breached = Blank(query["breached"].ToString()) is { } b ? bool.Parse(b) : null,
            PageSize = Blank(query["pageSize"].ToString()) is { } p ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 50,
            ContinuationToken = Blank(query["continuationToken"].ToString()),
        };

    private static Dictionary<string, string[]> Errors(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var bad = Statuses(query["status"].ToString()).Where(s => !Enum.TryParse<LeadStatus>(s, ignoreCase: true, out _) || int.TryParse(s, out _)).ToList();
        if (bad.Count > 0)
        {
            errors["status"] = [$"Unknown status {string.Join(", ", bad)}; known: {string.Join(", ", Enum.GetNames<LeadStatus>())}."];
        }

        if (Blank(query["breached"].ToString()) is { } breached && !bool.TryParse(breached, out _))
        {
            errors["breached"] = ["breached must be true or false."];
        }

        if (Blank(query["pageSize"].ToString()) is { } size && (!int.TryParse(size, out var n) || n is < 1 or > 200))
        {
            errors["pageSize"] = ["pageSize must be a number from 1 to 200."];
        }

        return errors;
    }

    private static string[] Statuses(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/admin/leads?status=&amp;source=&amp;owner=&amp;breached=&amp;email=&amp;pageSize=&amp;continuationToken=</c>:
/// paged lead search. <c>status</c> takes a comma-separated list; <c>breached=true</c> means escalated at least once.
/// <c>email</c> finds the leads of one address (exact, case-insensitive) through the e-mail index — one partition read
/// and a point read per lead, never a scan — and applies the other filters to them (one page).
/// </summary>
public sealed class LeadSearchEndpoints(ILeadSearch search, ILeadEmailIndex emails, ILeadStore store, EndpointGuard guard)
{
    public const int MaxEmailLength = 254;

    public Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("lead search", async () =>
        {
            if (Parse(request.Query) is not { } query)
            {
                return Problem.Validation(Errors(request.Query));
            }

            if (Blank(request.Query["email"].ToString()) is { } email)
            {
                return TypedResults.Ok(new LeadSearchView(await ByEmailAsync(email, query, cancellationToken), null));
            }

            var page = await search.SearchAsync(query, cancellationToken);
            return TypedResults.Ok(new LeadSearchView(page.Leads.Select(LeadSummary.From).ToList(), page.ContinuationToken));
        });

    /// <summary>The address's leads (newest first) that pass the other filters.</summary>
    private async Task<List<LeadSummary>> ByEmailAsync(string email, LeadSearchQuery query, CancellationToken cancellationToken)
    {
        var ids = (await emails.FindAsync(email, cancellationToken)).Select(e => e.LeadId).Distinct(StringComparer.Ordinal).Take(200).ToList();
        var found = new List<Lead>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(id, cancellationToken) is { } lead && Matches(lead, query))
            {
                found.Add(lead);
            }
        }

        return [.. found.OrderByDescending(l => l.ReceivedAt).Take(query.PageSize).Select(LeadSummary.From)];
    }

    private static bool Matches(Lead lead, LeadSearchQuery query) =>
        (query.Statuses.Count == 0 || query.Statuses.Contains(lead.Status))
        && (query.Source is null || string.Equals(lead.Source, query.Source, StringComparison.Ordinal))
        && (query.Owner is null || string.Equals(lead.Owner, query.Owner, StringComparison.Ordinal))
        && (query.Breached is not { } breached || (lead.EscalationLevel > 0) == breached);

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

        if (Blank(query["email"].ToString()) is { } email &&
            (email.Length > MaxEmailLength || email.IndexOf('@', StringComparison.Ordinal) is < 1 || email.EndsWith('@') || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            errors["email"] = ["An e-mail address (matched exactly, ignoring case)."];
        }

        if (Blank(query["email"].ToString()) is not null && Blank(query["continuationToken"].ToString()) is not null)
        {
            errors["continuationToken"] = ["A search by e-mail answers one page; leave continuationToken out."];
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

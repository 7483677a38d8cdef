namespace LeadSync.Web.Admin;

/// <summary>
/// <c>POST /api/admin/routing-policies/dry-run?last=N</c>: what routing would decide now for the newest N stored leads
/// (default 50, at most <see cref="MaxLeads"/>; found through the report index, newest days first, at most
/// <see cref="MaxDays"/> days back), under the routing policies in effect or, when the body holds one, a candidate
/// <c>routing-policies</c> document. Nothing is written: no ledger step, no lead change; account lookups go through
/// the same cache as routing.
/// </summary>
public sealed class RoutingDryRunEndpoints(
    IFunnelIndex index,
    ILeadStore store,
    LeadRouting routing,
    PeopleDirectorySource people,
    TimeProvider time,
    EndpointGuard guard)
{
    public const int DefaultLeads = 50;
    public const int MaxLeads = 200;
    public const int MaxDays = 31;

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("routing dry run", async () =>
        {
            var lastText = request.Query["last"].ToString();
            var last = DefaultLeads;
            if (lastText.Length > 0 && (!int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out last) || last is < 1 or > MaxLeads))
            {
                return Problem.Validation(new Dictionary<string, string[]> { ["last"] = [$"last must be a whole number from 1 to {MaxLeads}."] });
            }

            var (json, tooLarge) = await CandidateDocument.ReadAsync(request, cancellationToken);
            if (tooLarge is not null)
            {
                return tooLarge;
            }

            RoutingOptions? candidate = null;
            if (json is not null)
            {
                var errors = new AdminFieldErrors();
                candidate = AdminResourceCatalog.ToRoutingOptions(json, errors);
                if (candidate is null)
                {
                    return Problem.Validation(errors.ToDictionary());
                }
            }

            var now = time.GetUtcNow();
            var directory = await people.GetAsync(cancellationToken);
            var items = new List<RoutingDryRunItem>();
            foreach (var lead in await NewestAsync(last, now, cancellationToken))
            {
                var decision = await routing.DryRunAsync(lead, candidate, cancellationToken);
                items.Add(new RoutingDryRunItem(lead.Id, lead.Source, lead.ReceivedAt, lead.Status.ToString(), lead.Owner, decision.Outcome.ToString(),
                    decision.OwnerId, decision.PersonId is { } id ? directory.Find(id)?.Name ?? id : null, decision.TeamId, decision.Policy, decision.Explanation));
            }

            return TypedResults.Ok(new RoutingDryRunView(now, directory.Version, items.Count, items));
        });

    private async Task<List<Lead>> NewestAsync(int last, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ids = new List<string>();
        for (var back = 0; back < MaxDays && ids.Count < last; back++)
        {
            var day = today.AddDays(-back);
            var rows = await index.ReadAsync(day, day, cancellationToken);
            ids.AddRange(rows.OrderByDescending(r => r.ReceivedAt).Select(r => r.LeadId).Where(id => !ids.Contains(id)).Take(last - ids.Count));
        }

        var leads = new List<Lead>(ids.Count);
        foreach (var id in ids)
        {
            if (await store.GetAsync(id, cancellationToken) is { } lead)
            {
                leads.Add(lead);
            }
        }

        return leads;
    }
}

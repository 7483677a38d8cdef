namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/leads/{id}</c>: the lead and its documented handoff timeline (admin identity required). The id a 202
/// named for a delivery that was filed under an earlier lead of the same address answers that lead.
/// </summary>
public sealed class LeadEndpoints(ILeadStore store, ILeadAliases aliases, EndpointGuard guard)
{
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("lead read", async () =>
        {
            var lead = await store.GetAsync(id, cancellationToken);
            if (lead is null && await aliases.FindAsync(id, cancellationToken) is { } filedUnder)
            {
                lead = await store.GetAsync(filedUnder, cancellationToken);
            }

            if (lead is null)
            {
                return Problem.NotFound("No lead has this id.");
            }

            var timeline = await store.GetTimelineAsync(lead.Id, cancellationToken);
            return TypedResults.Ok(LeadView.From(lead, timeline));
        });
}

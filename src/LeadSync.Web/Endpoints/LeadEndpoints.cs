using LeadSync.Core.Storage;
using LeadSync.Web.Admin;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary><c>GET /api/leads/{id}</c>: the lead and its documented handoff timeline (admin identity required).</summary>
public sealed class LeadEndpoints(ILeadStore store, AdminAuthorizer authorizer, EndpointGuard guard)
{
    public Task<IResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("lead read", async () =>
        {
            if (authorizer.Challenge(request) is { } challenge)
            {
                return challenge;
            }

            var lead = await store.GetAsync(id, cancellationToken);
            if (lead is null)
            {
                return Problem.NotFound("No lead has this id.");
            }

            var timeline = await store.GetTimelineAsync(id, cancellationToken);
            return TypedResults.Ok(LeadView.From(lead, timeline));
        });
}

using LeadSync.Core.Crm.DeadLetters;
using LeadSync.Web.Admin;
using LeadSync.Web.Problems;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Web.Endpoints;

/// <summary>Admin: list CRM dead letters and replay one after the cause is fixed.</summary>
public sealed class DeadLetterEndpoints(IDeadLetterStore deadLetters, DeadLetterReplay replay, AdminAuthorizer authorizer, EndpointGuard guard)
{
    private const int PageSize = 200;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("dead-letter list", async () =>
            authorizer.Challenge(request) ?? TypedResults.Ok(await deadLetters.ListAsync(PageSize, cancellationToken)));

    public Task<IResult> ReplayAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("dead-letter replay", async () =>
        {
            if (authorizer.Challenge(request) is { } challenge)
            {
                return challenge;
            }

            var replayed = await replay.ReplayAsync(id, "admin", cancellationToken);
            return replayed is null ? Problem.NotFound("No dead letter has this id.") : TypedResults.Ok(replayed);
        });
}

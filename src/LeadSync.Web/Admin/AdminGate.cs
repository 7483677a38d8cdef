namespace LeadSync.Web.Admin;

/// <summary>
/// Where admin routes are opted into, once: the portable host puts every admin route in one route group with this
/// endpoint filter, and each Functions admin trigger calls <see cref="RunAsync"/> around its shared handler. A caller
/// without the admin identity gets the 401/403 problem before the handler runs; an admin's audit name is kept on the
/// request for the handler (<see cref="ActorOf"/>).
/// </summary>
public sealed class AdminGate(AdminAuthorizer authorizer) : IEndpointFilter
{
    private const string ActorItem = "LeadSync.AdminActor";

    /// <summary>The admin who sent <paramref name="request"/> (<c>key:…</c> or <c>entra:…</c>), as the gate recorded it.</summary>
    public static string ActorOf(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(ActorItem, out var actor) && actor is string name
            ? name
            : throw new InvalidOperationException("An admin handler ran without AdminGate in front of it.");

    /// <summary>Runs <paramref name="handler"/> for an admin; anyone else gets the refusal.</summary>
    public async Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> handler) =>
        Refusal(request) ?? await handler();

    /// <summary>The portable host's route-group filter: the same check as <see cref="RunAsync"/>.</summary>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refusal(context.HttpContext.Request) ?? await next(context);

    private IResult? Refusal(HttpRequest request)
    {
        if (authorizer.Challenge(request, out var actor) is { } refusal)
        {
            return refusal;
        }

        request.HttpContext.Items[ActorItem] = actor;
        return null;
    }
}

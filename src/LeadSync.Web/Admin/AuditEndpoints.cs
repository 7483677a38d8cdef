namespace LeadSync.Web.Admin;

/// <summary>
/// <c>GET /api/admin/audit?action=&amp;actor=&amp;from=&amp;to=&amp;pageSize=&amp;continuationToken=</c>: the audit log of
/// admin actions (replays, manual job runs, erasures, configuration changes), newest first, paged. <c>from</c> is
/// inclusive and <c>to</c> exclusive (ISO 8601); <c>action</c> and <c>actor</c> match exactly.
/// </summary>
public sealed class AuditEndpoints(IAuditLog log, EndpointGuard guard)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        guard.RunAsync("audit log read", async () =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var query = Parse(request.Query, errors);
            if (errors.Count > 0)
            {
                return Problem.Validation(errors);
            }

            var page = await log.QueryAsync(query, cancellationToken);
            return TypedResults.Ok(new AuditLogView(page.Entries, page.ContinuationToken));
        });

    private AuditQuery Parse(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var action = Blank(query["action"].ToString());
        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            errors["action"] = [$"Known actions: {string.Join(", ", AuditActions.All)}."];
        }

        var actor = Blank(query["actor"].ToString());
        if (actor is { Length: > AuditRecorder.MaxTextLength } || actor?.Any(char.IsControl) == true)
        {
            errors["actor"] = [$"An actor as the log shows it (key:… or entra:…), at most {AuditRecorder.MaxTextLength} characters."];
        }

        var from = Instant(query, "from", errors);
        var to = Instant(query, "to", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["Must be after from."];
        }

        var pageSize = DefaultPageSize;
        if (Blank(query["pageSize"].ToString()) is { } size &&
            (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"A number from 1 to {MaxPageSize}."];
        }

        var token = Blank(query["continuationToken"].ToString());
        if (token is not null && !log.IsContinuationToken(token))
        {
            errors["continuationToken"] = ["Not a token this route handed out; start again without it."];
        }

        return new AuditQuery { Action = action, Actor = actor, From = from, To = to, PageSize = pageSize, ContinuationToken = token };
    }

    private static DateTimeOffset? Instant(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (Blank(query[name].ToString()) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        errors[name] = ["An ISO 8601 date and time, e.g. 2026-12-06T08:00:00Z."];
        return null;
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

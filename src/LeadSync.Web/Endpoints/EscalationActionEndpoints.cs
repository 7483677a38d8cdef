namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET|POST /api/escalations/{id}/actions/{action}?sig=…&amp;r=…</c>: the signed Reassign and Snooze links of a Teams
/// card or an e-mail, bound to the person they were sent to (<c>r</c>, covered by the signature). GET shows a
/// confirmation page with a POST button (link-preview bots fetch links but do not submit forms); POST acts as that
/// person and records them on the lead's timeline.
/// </summary>
public sealed class EscalationActionEndpoints(EscalationResponder responder, IOptionsMonitor<NotificationOptions> options, TimeProvider timeProvider, EndpointGuard guard)
{
    public Task<IResult> ShowAsync(HttpRequest request, string id, string action) =>
        guard.RunAsync("escalation action page", () =>
        {
            if (Check(request, id, action, out var recipient, out _, out var canonical) is { } refusal)
            {
                return Task.FromResult(refusal);
            }

            var verb = canonical == EscalationResponseActions.Reassign ? "Reassign" : "Snooze";
            var html = $"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>{verb} escalation</title></head>
                <body><h1>{verb} escalation {WebUtility.HtmlEncode(id)}</h1>
                <p>You act as {WebUtility.HtmlEncode(recipient)}, the person this escalation was sent to.</p>
                <form method="post" action="{WebUtility.HtmlEncode(request.Path + request.QueryString)}"><button type="submit">{verb}</button></form></body></html>
                """;
            return Task.FromResult<IResult>(TypedResults.Content(html, "text/html; charset=utf-8"));
        });

    public Task<IResult> ActAsync(HttpRequest request, string id, string action, CancellationToken cancellationToken) =>
        guard.RunAsync("escalation action", async () =>
        {
            if (Check(request, id, action, out var recipient, out var cycle, out var canonical) is { } refusal)
            {
                return refusal;
            }

            var result = await responder.RespondAsync(id, cycle, canonical, recipient, cancellationToken);
            return result.Status switch
            {
                EscalationResponseStatus.UnknownNotice => Problem.NotFound(result.Detail),
                EscalationResponseStatus.Superseded => Problem.AckLinkExpired(result.Detail),
                EscalationResponseStatus.NotOpen => Problem.Of(ProblemTypes.Conflict, result.Detail),
                _ => request.HasFormContentType
                    ? TypedResults.Content(
                        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Done</title></head><body><p>{WebUtility.HtmlEncode(result.Detail)}</p></body></html>",
                        "text/html; charset=utf-8")
                    : TypedResults.Ok(new EscalationActionTaken(id, canonical, result.Status.ToString(), result.Detail, recipient, result.PausedUntil)),
            };
        });

    private IResult? Check(HttpRequest request, string id, string action, out string recipient, out int cycle, out string canonical)
    {
        canonical = EscalationResponseActions.Parse(action) ?? string.Empty;
        if (canonical is not (EscalationResponseActions.Reassign or EscalationResponseActions.Snooze))
        {
            recipient = string.Empty;
            cycle = 0;
            return Problem.NotFound("Escalation actions here are reassign and snooze (acknowledge has its own link).");
        }

        return RecipientLinkCheck.Check(request, id, canonical, options.CurrentValue.AckSecret, timeProvider.GetUtcNow(), out recipient, out cycle);
    }
}

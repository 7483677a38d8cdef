namespace LeadSync.Web.Endpoints;

/// <summary>
/// <c>GET|POST /api/escalations/{id}/ack?sig=…</c>: the signed acknowledge link in every escalation. GET only shows a
/// confirmation page with a POST button (link-preview bots fetch links but do not submit forms); POST records who
/// (<c>?by=</c> or the <c>by</c> form field) and when, and pauses the ladder. The signature covers the notice (lead and
/// level), the cycle (<c>c</c>) and the expiry (<c>exp</c>): an expired link, or one from an earlier cycle, answers 410.
/// A link sent to a person also carries the recipient (<c>r</c>, covered by the signature): it acknowledges as that
/// person, whatever name is typed.
/// </summary>
public sealed class EscalationAckEndpoints(EscalationAcknowledger acknowledger, IOptionsMonitor<NotificationOptions> options, TimeProvider timeProvider, EndpointGuard guard)
{
    private const int MaxByLength = 100;

    public Task<IResult> ShowAsync(HttpRequest request, string id) =>
        guard.RunAsync("escalation ack page", () =>
        {
            if (Check(request, id) is { } refusal)
            {
                return Task.FromResult(refusal);
            }

            var action = WebUtility.HtmlEncode(request.Path + request.QueryString);
            if (IsBound(request))
            {
                // A link bound to its recipient: whoever opens it acknowledges as that person, so no name is asked for.
                return Task.FromResult<IResult>(TypedResults.Content($"""
                    <!doctype html>
                    <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Acknowledge escalation</title></head>
                    <body><h1>Acknowledge escalation {WebUtility.HtmlEncode(id)}</h1>
                    <p>You acknowledge as {WebUtility.HtmlEncode(request.Query["r"].ToString())}, the person this escalation was sent to: the next escalation level waits for the grace period.</p>
                    <form method="post" action="{action}"><button type="submit">Acknowledge</button></form></body></html>
                    """, "text/html; charset=utf-8"));
            }

            var by = WebUtility.HtmlEncode(Clean(request.Query["by"]) ?? string.Empty);
            var html = $"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Acknowledge escalation</title></head>
                <body><h1>Acknowledge escalation {WebUtility.HtmlEncode(id)}</h1>
                <p>Acknowledging tells LeadSync someone is on it: the next escalation level waits for the grace period.</p>
                <form method="post" action="{action}"><label>Your name <input name="by" value="{by}" maxlength="{MaxByLength}" required></label>
                <button type="submit">Acknowledge</button></form></body></html>
                """;
            return Task.FromResult<IResult>(TypedResults.Content(html, "text/html; charset=utf-8"));
        });

    public Task<IResult> AcknowledgeAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        guard.RunAsync("escalation ack", async () =>
        {
            if (Check(request, id) is { } refusal)
            {
                return refusal;
            }

            var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
            var by = IsBound(request)
                ? request.Query["r"].ToString() // the signed recipient; a typed name cannot override it
                : Clean(form?["by"]) ?? Clean(request.Query["by"]) ?? "ack-link";
            var result = await acknowledger.AcknowledgeAsync(id, Cycle(request), by, cancellationToken);
            if (result.Status == AckStatus.UnknownNotice)
            {
                return Problem.NotFound("No escalation has this id.");
            }

            if (result.Status == AckStatus.Superseded)
            {
                return Problem.AckLinkExpired("The lead was re-engaged after this escalation; this link belongs to an earlier cycle and acknowledges nothing now.");
            }

            var recorded = new AckRecorded(id, result.By!, result.At!.Value, result.PausedUntil, result.Status == AckStatus.AlreadyAcknowledged);
            if (form is null)
            {
                return TypedResults.Ok(recorded);
            }

            var text = recorded.AlreadyAcknowledged
                ? $"Already acknowledged by {recorded.AcknowledgedBy} at {recorded.AcknowledgedAt:u}."
                : $"Acknowledged by {recorded.AcknowledgedBy}. The next escalation level waits until {recorded.LadderPausedUntil:u}.";
            return TypedResults.Content(
                $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Acknowledged</title></head><body><p>{WebUtility.HtmlEncode(text)}</p></body></html>",
                "text/html; charset=utf-8");
        });

    /// <summary>404 when acknowledging is off, 401 without a signature, 403 with a wrong one; null when the link is genuine.</summary>
    private IResult? Check(HttpRequest request, string id)
    {
        var secret = options.CurrentValue.AckSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Problem.NotFound("Acknowledge links are not enabled.");
        }

        if (IsBound(request))
        {
            return RecipientLinkCheck.Check(request, id, EscalationResponseActions.Acknowledge, secret, timeProvider.GetUtcNow(), out _, out _);
        }

        string? sig = request.Query["sig"];
        if (string.IsNullOrEmpty(sig))
        {
            return Problem.Of(ProblemTypes.Unauthenticated, "The acknowledge link has no signature (sig).");
        }

        if (Cycle(request) is not { } cycle || !long.TryParse(request.Query["exp"], NumberStyles.None, CultureInfo.InvariantCulture, out var exp) ||
            !AckSignature.IsValid(id, cycle, exp, sig, secret))
        {
            return Problem.Of(ProblemTypes.Forbidden, "The acknowledge link's signature does not match this escalation.");
        }

        return timeProvider.GetUtcNow().ToUnixTimeSeconds() > exp
            ? Problem.AckLinkExpired($"This acknowledge link expired at {DateTimeOffset.FromUnixTimeSeconds(Math.Min(exp, 253402300799)):u}.")
            : null;
    }

    /// <summary>True for a link bound to its recipient (<c>r</c>, signed with the action); older links carry no <c>r</c>.</summary>
    private static bool IsBound(HttpRequest request) => request.Query.ContainsKey("r");

    private static int? Cycle(HttpRequest request) =>
        int.TryParse(request.Query["c"], NumberStyles.None, CultureInfo.InvariantCulture, out var cycle) ? cycle : null;

    private static string? Clean(string? by)
    {
        var trimmed = by?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > MaxByLength ? trimmed[..MaxByLength] : trimmed;
    }
}

namespace LeadSync.Web.Endpoints;

/// <summary>
/// Checks a per-recipient action link (<c>sig</c>, <c>c</c>, <c>exp</c>, <c>r</c>): 404 when links are off, 401 without a
/// signature or recipient, 403 when the signature does not cover this notice, action and recipient, 410 when expired.
/// </summary>
public static class RecipientLinkCheck
{
    public const int MaxRecipientLength = 200;

    public static IResult? Check(HttpRequest request, string id, string action, string? secret, DateTimeOffset now, out string recipient, out int cycle)
    {
        recipient = string.Empty;
        cycle = 0;
        if (string.IsNullOrEmpty(secret))
        {
            return Problem.NotFound("Escalation links are not enabled.");
        }

        string? sig = request.Query["sig"];
        string? r = request.Query["r"];
        if (string.IsNullOrEmpty(sig) || string.IsNullOrEmpty(r) || r.Length > MaxRecipientLength)
        {
            return Problem.Of(ProblemTypes.Unauthenticated, "The link has no signature (sig) or recipient (r).");
        }

        if (!int.TryParse(request.Query["c"], NumberStyles.None, CultureInfo.InvariantCulture, out cycle)
            || !long.TryParse(request.Query["exp"], NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            || !RecipientLinkSignature.IsValid(id, cycle, exp, action, r, sig, secret))
        {
            return Problem.Of(ProblemTypes.Forbidden, "The link's signature does not match this escalation, action and recipient.");
        }

        recipient = r;
        return now.ToUnixTimeSeconds() > exp
            ? Problem.AckLinkExpired($"This link expired at {DateTimeOffset.FromUnixTimeSeconds(Math.Min(exp, 253402300799)):u}.")
            : null;
    }
}

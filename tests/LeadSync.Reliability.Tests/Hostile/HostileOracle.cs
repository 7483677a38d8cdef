using System.Text.Json;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// R5's rules for one answer: never 5xx (or no answer); every 4xx is problem+json with type, title and the same
/// status; oversized bodies 413, foreign media types 415, unauthenticated requests never past 401 (400 for Google Ads,
/// whose key is inside the JSON); controls accepted; a 2xx only for authentic requests, naming leads that
/// <see cref="HostileLeadCheck"/> confirms were really in the body.
/// </summary>
public static class HostileOracle
{
    /// <summary>Null when the answer obeys the rules, otherwise what is wrong.</summary>
    public static string? Judge(HostileCase hostile, SourceDialect dialect, HostileOutcome outcome)
    {
        if (outcome.Status == 0)
        {
            return "no answer: " + outcome.Error;
        }

        if (outcome.Status >= 500)
        {
            return $"{outcome.Status}: {Clip(outcome.Body)}";
        }

        if (outcome.Status >= 400 && ProblemShape(outcome) is { } problem)
        {
            return problem;
        }

        var authentic = hostile.Auth == AuthMode.Signed;
        if (hostile.UrlTail.StartsWith('/') && outcome.Status == 404)
        {
            // An extra path segment may match no route (or name an unknown source): 404 problem is a fine answer.
            return null;
        }

        // An injected header or URL segment may carry the real shared secret (Marketo's header, a URL key): authentic after all.
        var mayBeAuthentic = authentic || hostile.Headers.Any(h => h.Value == dialect.Secret) || hostile.UrlTail.Contains(Uri.EscapeDataString(dialect.Secret), StringComparison.Ordinal);
        if (hostile.Body.Length > HostileCaseGenerator.MaxBodyBytes)
        {
            return outcome.Status == 413 ? null : $"an oversized body ({hostile.Body.Length} bytes) got {outcome.Status}, not 413";
        }

        if (!AcceptedMediaType(hostile.ContentType, dialect))
        {
            return outcome.Status == 415 ? null : $"content type '{hostile.ContentType}' got {outcome.Status}, not 415";
        }

        if (!mayBeAuthentic)
        {
            int[] expected = dialect.Name == "google-ads" ? [400, 401] : [401];
            return expected.Contains(outcome.Status) ? null : $"an unauthenticated request got {outcome.Status}, not {string.Join('/', expected)}";
        }

        if (hostile.IsControl && outcome.Status != 202)
        {
            return $"a valid signed lead got {outcome.Status}: {Clip(outcome.Body)}";
        }

        // A request whose injected header or URL tail carries the real shared secret is authentic after all (see above).
        return outcome.Status is >= 200 and < 300 && (outcome.Status != 202 || !mayBeAuthentic) ? $"unexpected success status {outcome.Status}" : null;
    }

    /// <summary>The lead ids a 202 names (one, or a batch).</summary>
    public static IReadOnlyList<string> LeadIds(HostileOutcome outcome)
    {
        using var body = JsonDocument.Parse(outcome.Body);
        return body.RootElement.TryGetProperty("leadId", out var id)
            ? [id.GetString()!]
            : [.. body.RootElement.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("leadId").GetString()!)];
    }

    private static string? ProblemShape(HostileOutcome outcome)
    {
        if (outcome.MediaType != "application/problem+json")
        {
            return $"{outcome.Status} with content type '{outcome.MediaType}', not application/problem+json: {Clip(outcome.Body)}";
        }

        try
        {
            using var problem = JsonDocument.Parse(outcome.Body);
            var root = problem.RootElement;
            var typed = root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String;
            var titled = root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String;
            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == outcome.Status;
            return typed && titled && status ? null : $"{outcome.Status} problem lacks type, title or status: {Clip(outcome.Body)}";
        }
        catch (JsonException)
        {
            return $"{outcome.Status} problem is not JSON: {Clip(outcome.Body)}";
        }
    }

    private static bool AcceptedMediaType(string? contentType, SourceDialect dialect) =>
        !string.IsNullOrWhiteSpace(contentType) && string.Equals(contentType.Split(';', 2)[0].Trim(), dialect.MediaType, StringComparison.OrdinalIgnoreCase);

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// One generated request: the exact body bytes, its content type, extra headers and URL tail, and how it is
/// authenticated. <see cref="Replay"/> names it so a failure can be re-run alone.
/// </summary>
public sealed record HostileCase
{
    public required string Source { get; init; }
    public required int Index { get; init; }
    public required int Seed { get; init; }
    public required string Kind { get; init; }
    public required AuthMode Auth { get; init; }
    public required byte[] Body { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
    public string UrlTail { get; init; } = string.Empty;
    public bool Chunked { get; init; }

    /// <summary>The secret the request is authenticated with (the configured one, a wrong one), or null for none.</summary>
    public string? Secret { get; init; }

    /// <summary>Signed over different bytes than those sent (a tampered body).</summary>
    public bool Tampered { get; init; }

    /// <summary>True for an untouched valid lead (hostile but legal values): it must be accepted.</summary>
    public bool IsControl { get; init; }

    public required LeadSample Sample { get; init; }

    public string Replay => $"LEADSYNC_R5_SEED={Seed} LEADSYNC_R5_CASE={Source}:{Index} (kind {Kind}, auth {Auth}, {Body.Length} bytes)";
}

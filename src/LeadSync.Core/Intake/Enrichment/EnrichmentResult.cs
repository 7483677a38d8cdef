namespace LeadSync.Core.Intake.Enrichment;

/// <summary>What an enricher found: the completed draft, or why not (and when to try again).</summary>
public sealed record EnrichmentResult(EnrichmentStatus Status, LeadDraft? Draft, string Detail, TimeSpan? RetryAfter = null)
{
    public static EnrichmentResult Completed(LeadDraft draft) => new(EnrichmentStatus.Completed, draft, "completed");

    public static EnrichmentResult Transient(string detail, TimeSpan? retryAfter = null) => new(EnrichmentStatus.Transient, null, detail, retryAfter);

    public static EnrichmentResult Permanent(string detail) => new(EnrichmentStatus.Permanent, null, detail);

    /// <summary>
    /// Transient, but only an operator can fix it (no access token, token rejected): the lead stays Received and its
    /// timeline says why.
    /// </summary>
    public static EnrichmentResult Blocked(string detail, TimeSpan? retryAfter = null) =>
        new(EnrichmentStatus.Transient, null, detail, retryAfter) { NeedsOperator = true };

    /// <summary>True when retrying alone will not help until the source settings are fixed.</summary>
    public bool NeedsOperator { get; init; }
}

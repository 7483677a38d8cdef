namespace LeadSync.Core.Intake.Enrichment;

/// <summary>What an enricher found: the completed draft, or why not (and when to try again).</summary>
public sealed record EnrichmentResult(EnrichmentStatus Status, LeadDraft? Draft, string Detail, TimeSpan? RetryAfter = null)
{
    public static EnrichmentResult Completed(LeadDraft draft) => new(EnrichmentStatus.Completed, draft, "completed");

    public static EnrichmentResult Transient(string detail, TimeSpan? retryAfter = null) => new(EnrichmentStatus.Transient, null, detail, retryAfter);

    public static EnrichmentResult Permanent(string detail) => new(EnrichmentStatus.Permanent, null, detail);
}

namespace LeadSync.Core.Intake.Enrichment;

/// <summary>
/// Reads the details a source's delivery did not carry (HubSpot contact, Meta lead form answers) for a stored lead
/// in <see cref="LeadStatus.Received"/>. One enricher per source; implementations live with the vendor's API client.
/// </summary>
public interface ILeadEnricher
{
    /// <summary>The source name this enricher completes (e.g. <c>hubspot</c>).</summary>
    string Source { get; }

    /// <summary>Fetches and maps the vendor record <see cref="Lead.EnrichmentKey"/>; never throws for HTTP failures.</summary>
    Task<EnrichmentResult> EnrichAsync(Lead lead, CancellationToken cancellationToken);
}

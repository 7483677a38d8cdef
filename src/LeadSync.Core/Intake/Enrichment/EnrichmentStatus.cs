namespace LeadSync.Core.Intake.Enrichment;

public enum EnrichmentStatus
{
    /// <summary>The vendor record was read and mapped.</summary>
    Completed,

    /// <summary>The vendor is unavailable or rate-limiting; try again later.</summary>
    Transient,

    /// <summary>Retrying cannot help (record gone, access revoked, unusable data).</summary>
    Permanent,
}

namespace LeadSync.Core.Intake.Fields;

/// <summary>The canonical lead fields a vendor field can be mapped to (settings use these names, case-insensitive).</summary>
public enum LeadField
{
    Email,
    FirstName,
    LastName,
    FullName,
    Company,
    Phone,
    Title,
    Country,
    Score,
    Campaign,
    ConsentMarketing,
    ConsentTerms,
    Budget,
    Authority,
    Need,
    Timeline,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    UtmTerm,
    UtmContent,

    /// <summary>Explicitly ignore a vendor field that a default guess would otherwise map.</summary>
    Ignore,
}

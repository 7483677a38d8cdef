namespace LeadSync.Infrastructure.Crm;

/// <summary>
/// The canonical lead fields a provider's <c>Fields</c> map can send, keyed by these names (case-insensitive).
/// </summary>
public static class CanonicalField
{
    public const string LeadId = "LeadId";
    public const string Email = "Email";
    public const string FirstName = "FirstName";
    public const string LastName = "LastName";
    public const string Company = "Company";
    public const string Phone = "Phone";
    public const string Title = "Title";
    public const string Country = "Country";
    public const string Source = "Source";
    public const string Campaign = "Campaign";
    public const string Score = "Score";
    public const string CampaignId = "CampaignId";
    public const string UtmSource = "UtmSource";
    public const string UtmMedium = "UtmMedium";
    public const string UtmCampaign = "UtmCampaign";
    public const string UtmTerm = "UtmTerm";
    public const string UtmContent = "UtmContent";

    /// <summary>
    /// CRM field → value for every mapped canonical field that has a value. A map entry with an empty CRM field name
    /// switches that field off.
    /// </summary>
    public static Dictionary<string, string> Map(Lead lead, IReadOnlyDictionary<string, string> fieldMap)
    {
        var mapped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, crmField) in fieldMap)
        {
            if (!string.IsNullOrWhiteSpace(crmField) && ValueOf(lead, canonical) is { Length: > 0 } value)
            {
                mapped[crmField] = value;
            }
        }

        return mapped;
    }

    public static string? ValueOf(Lead lead, string canonical)
    {
        var c = lead.Contact;
        return canonical.ToUpperInvariant() switch
        {
            "LEADID" => lead.Id,
            "EMAIL" => c.Email,
            "FIRSTNAME" => c.FirstName,
            "LASTNAME" => c.LastName,
            "COMPANY" => c.Company,
            "PHONE" => c.Phone,
            "TITLE" => c.Title,
            "COUNTRY" => c.Country,
            "SOURCE" => lead.Source,
            "CAMPAIGN" => lead.Campaign,
            "SCORE" => lead.Score?.ToString(CultureInfo.InvariantCulture),
            "CAMPAIGNID" => lead.Touch?.CampaignId,
            "UTMSOURCE" => lead.Touch?.UtmSource,
            "UTMMEDIUM" => lead.Touch?.UtmMedium,
            "UTMCAMPAIGN" => lead.Touch?.UtmCampaign,
            "UTMTERM" => lead.Touch?.UtmTerm,
            "UTMCONTENT" => lead.Touch?.UtmContent,
            _ => null,
        };
    }

    public static bool IsKnown(string canonical) =>
        canonical.ToUpperInvariant() is "LEADID" or "EMAIL" or "FIRSTNAME" or "LASTNAME" or "COMPANY" or "PHONE" or "TITLE"
            or "COUNTRY" or "SOURCE" or "CAMPAIGN" or "SCORE"
            or "CAMPAIGNID" or "UTMSOURCE" or "UTMMEDIUM" or "UTMCAMPAIGN" or "UTMTERM" or "UTMCONTENT";
}

namespace LeadSync.Core.Intake.HubSpot;

/// <summary>Settings of the HubSpot source (<c>LeadSync:Sources:hubspot</c>).</summary>
public sealed class HubSpotSourceOptions
{
    public const string Section = "LeadSync:Sources:hubspot";

    public static readonly IReadOnlyList<string> DefaultLeadEventTypes = ["contact.creation"];

    public static readonly IReadOnlyList<string> DefaultLeadPropertyChanges =
        ["lifecyclestage=marketingqualifiedlead", "lifecyclestage=salesqualifiedlead"];

    public static readonly IReadOnlyList<string> DefaultContactProperties =
    [
        "email", "firstname", "lastname", "company", "phone", "mobilephone", "jobtitle", "country", "hubspotscore",
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", HubSpotContactMapper.EmailOptOutProperty,
    ];

    /// <summary>The app's client secret (signs v1/v2/v3); the source is off while it is empty.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Also accept the older v1/v2 <c>X-HubSpot-Signature</c> (no timestamp, no replay protection).</summary>
    public bool AllowLegacySignatures { get; set; }

    /// <summary>How far <c>X-HubSpot-Request-Timestamp</c> may be from now (HubSpot: 5 minutes).</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Webhooks API event types that create a lead (null = <see cref="DefaultLeadEventTypes"/>).</summary>
    public string[]? LeadEventTypes { get; set; }

    /// <summary>
    /// <c>contact.propertyChange</c> events that create a lead, as <c>property</c> or <c>property=value</c>
    /// (null = <see cref="DefaultLeadPropertyChanges"/>). Other events are acknowledged and ignored.
    /// </summary>
    public string[]? LeadPropertyChanges { get; set; }

    /// <summary>Private-app access token (scope <c>crm.objects.contacts.read</c>) used to read contacts for id-only events.</summary>
    public string? AccessToken { get; set; }

    public Uri ApiBaseAddress { get; set; } = new("https://api.hubapi.com");

    /// <summary>Contact properties read from the CRM (null = <see cref="DefaultContactProperties"/>).</summary>
    public string[]? ContactProperties { get; set; }

    public IReadOnlyList<string> EffectiveLeadEventTypes => LeadEventTypes ?? DefaultLeadEventTypes;

    public IReadOnlyList<string> EffectiveLeadPropertyChanges => LeadPropertyChanges ?? DefaultLeadPropertyChanges;

    public IReadOnlyList<string> EffectiveContactProperties => ContactProperties ?? DefaultContactProperties;
}

namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>Settings of the LinkedIn Lead Sync source (<c>LeadSync:Sources:linkedin</c>).</summary>
public sealed class LinkedInSourceOptions
{
    public const string Section = "LeadSync:Sources:linkedin";

    /// <summary>The LinkedIn app's client secret (signs challenges and events); the source is off while it is empty.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// OAuth access token of a member with <c>r_marketing_leadgen_automation</c>, used to read each form response from
    /// the Lead Sync API. Without it CREATED leads stay Received (and their timeline says why).
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>The <c>LinkedIn-Version</c> header, <c>YYYYMM</c> (LinkedIn sunsets versions after about a year).</summary>
    public string ApiVersion { get; set; } = "202606";

    public Uri BaseUrl { get; set; } = new("https://api.linkedin.com");

    /// <summary>Per lead form (numeric form id): custom question id → lead field.</summary>
    public Dictionary<string, LinkedInFormOptions> Forms { get; set; } = [];

    /// <summary>How long a form's question list is reused before it is read again.</summary>
    public TimeSpan FormCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many form definitions are cached.</summary>
    public int FormCacheSize { get; set; } = 200;

    public bool EnrichmentEnabled => !string.IsNullOrEmpty(AccessToken);
}

namespace LeadSync.Core.Intake.Meta;

/// <summary>Settings of the Meta (Facebook / Instagram) Lead Ads source (<c>LeadSync:Sources:meta</c>).</summary>
public sealed class MetaSourceOptions
{
    public const string Section = "LeadSync:Sources:meta";

    /// <summary>The Meta app secret (signs <c>X-Hub-Signature-256</c>); the source is off while it is empty.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The verify token typed into the app's webhook settings (checked on the subscription GET).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>A page access token with <c>leads_retrieval</c>, used to read each lead from the Graph API.</summary>
    public string? AccessToken { get; set; }

    public Uri GraphApiBaseAddress { get; set; } = new("https://graph.facebook.com");

    /// <summary>Graph API version without the <c>v</c> (check Meta's changelog for the current one).</summary>
    public string GraphApiVersion { get; set; } = "23.0";

    /// <summary>Lead-form question key → lead field (e.g. <c>what_is_your_budget?</c> = budget). Standard keys map by default.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];
}

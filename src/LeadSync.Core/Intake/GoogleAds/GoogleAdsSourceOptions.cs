namespace LeadSync.Core.Intake.GoogleAds;

/// <summary>Settings of the Google Ads lead-form source (<c>LeadSync:Sources:google-ads</c>).</summary>
public sealed class GoogleAdsSourceOptions
{
    public const string Section = "LeadSync:Sources:google-ads";

    /// <summary>The webhook key set on the lead form (arrives as <c>google_key</c>); the source is off while it is empty.</summary>
    public string? Key { get; set; }

    /// <summary><c>column_id</c> → lead field for custom questions (standard columns such as EMAIL map by default).</summary>
    public Dictionary<string, string> Columns { get; set; } = [];
}

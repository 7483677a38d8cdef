namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>How one LinkedIn lead form's custom questions map to lead fields.</summary>
public sealed class LinkedInFormOptions
{
    /// <summary>Question id (<c>questionId</c>) → lead field name (budget, need, score, …; see LeadField).</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>Campaign name recorded for leads from this form.</summary>
    public string? Campaign { get; set; }
}

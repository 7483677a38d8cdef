namespace LeadSync.Core.Intake.LinkedIn;

/// <summary>Settings of the LinkedIn Lead Sync source (<c>LeadSync:Sources:linkedin</c>).</summary>
public sealed class LinkedInSourceOptions
{
    public const string Section = "LeadSync:Sources:linkedin";

    /// <summary>The LinkedIn app's client secret (signs challenges and events); the source is off while it is empty.</summary>
    public string? ClientSecret { get; set; }
}

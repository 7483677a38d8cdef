namespace LeadSync.Core.Intake.Pardot;

/// <summary>Settings of the Account Engagement (Pardot) form-handler forwarding source (<c>LeadSync:Sources:pardot</c>).</summary>
public sealed class PardotSourceOptions
{
    public const string Section = "LeadSync:Sources:pardot";

    /// <summary>The secret in the success-location URL (<c>?key=</c>); the source is off while it is empty.</summary>
    public string? Key { get; set; }

    /// <summary>Form-handler field name → lead field for fields the defaults do not recognize.</summary>
    public Dictionary<string, string> Fields { get; set; } = [];
}

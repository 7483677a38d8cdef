namespace LeadSync.Web.Admin;

/// <summary>What an audited handler adds to its audit entry once it knows: a short outcome, and a fuller target (e.g. the lead ids it acted on).</summary>
public sealed class AuditNote
{
    public string? Outcome { get; set; }

    public string? Target { get; set; }
}

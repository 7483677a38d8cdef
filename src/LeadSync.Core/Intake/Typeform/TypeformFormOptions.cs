namespace LeadSync.Core.Intake.Typeform;

/// <summary>How one Typeform form's answers map to lead fields.</summary>
public sealed class TypeformFormOptions
{
    /// <summary>Field <c>ref</c> → lead field name (see LeadField: email, firstName, lastName, fullName, company, phone, …).</summary>
    public Dictionary<string, string> Fields { get; set; } = [];

    /// <summary>Campaign name recorded for leads from this form.</summary>
    public string? Campaign { get; set; }
}

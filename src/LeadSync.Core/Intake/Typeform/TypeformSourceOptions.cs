namespace LeadSync.Core.Intake.Typeform;

/// <summary>Settings of the Typeform source (<c>LeadSync:Sources:typeform</c>).</summary>
public sealed class TypeformSourceOptions
{
    public const string Section = "LeadSync:Sources:typeform";

    /// <summary>The webhook secret set on the Typeform webhook; the source is off while it is empty.</summary>
    public string? Secret { get; set; }

    /// <summary>Per-form field mapping: <c>Forms:{formId}:Fields:{ref}</c> = a lead field (email, firstName, phone, …).</summary>
    public Dictionary<string, TypeformFormOptions> Forms { get; set; } = [];
}

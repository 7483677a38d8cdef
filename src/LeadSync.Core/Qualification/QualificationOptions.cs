namespace LeadSync.Core.Qualification;

/// <summary>The agreed "sales-ready" definition (<c>LeadSync:Qualification</c>).</summary>
public sealed class QualificationOptions
{
    public const string Section = "LeadSync:Qualification";

    /// <summary>Leads whose source score is below this go to nurture. Leads without a score are sales-ready.</summary>
    public int MinimumScore { get; set; }
}

namespace LeadSync.Core.Qualification;

/// <summary>The agreed "sales-ready" definition (<c>LeadSync:Qualification</c>).</summary>
public sealed class QualificationOptions
{
    public const string Section = "LeadSync:Qualification";

    /// <summary>Leads whose source score is below this go to nurture. Leads without a score are sales-ready.</summary>
    public int MinimumScore { get; set; }

    /// <summary>
    /// Contact fields a lead must carry to be sales-ready (one of <see cref="KnownFields"/>); a lead missing any goes
    /// to nurture. Empty (the default): the score threshold alone decides.
    /// </summary>
    public IList<string> RequiredFields { get; } = [];

    /// <summary>The fields <see cref="RequiredFields"/> may name.</summary>
    public static IReadOnlyList<string> KnownFields { get; } = ["email", "phone", "company", "title", "country", "firstName", "lastName", "score"];
}

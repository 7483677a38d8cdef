namespace LeadSync.Core.Qualification;

/// <summary>
/// The agreed "sales-ready" definition (<c>LeadSync:Qualification</c>, and the admin resource <c>qualification</c>):
/// BANT answers and contact fields a lead must carry and/or a score threshold. Leads that are not sales-ready go
/// straight to nurture instead of to sales.
/// </summary>
public sealed class QualificationOptions
{
    public const string Section = "LeadSync:Qualification";

    /// <summary>Leads whose source score is below this go to nurture. Leads without a score pass it in mode All.</summary>
    public int MinimumScore { get; set; }

    /// <summary>
    /// Fields a lead must carry to be sales-ready (any of <see cref="KnownFields"/>, e.g. the BANT answers
    /// <c>budget</c>, <c>authority</c>, <c>need</c>, <c>timeline</c>). Empty (the default): the score alone decides.
    /// </summary>
    public IList<string> RequiredFields { get; } = [];

    /// <summary>All (default): fields and score must both pass. Any: either the fields or the score suffices.</summary>
    public QualificationMode Mode { get; set; } = QualificationMode.All;

    /// <summary>The fields <see cref="RequiredFields"/> may name.</summary>
    public static IReadOnlyList<string> KnownFields { get; } =
    [
        "email", "phone", "company", "title", "country", "firstName", "lastName", "score",
        "budget", "authority", "need", "timeline",
    ];
}

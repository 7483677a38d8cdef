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

    /// <summary>
    /// BANT budget: the amount the budget answer names (a range by its upper end, see <see cref="BudgetAmount"/>) must be
    /// at least this. 0 (the default): not checked.
    /// </summary>
    public decimal MinimumBudget { get; set; }

    /// <summary>
    /// BANT authority: the authority answer or the contact's job title must name one of these roles (whole words,
    /// any case, e.g. <c>VP</c>, <c>Director</c>, <c>Head of</c>); an answer of yes / true / decision maker counts too.
    /// Empty (the default): not checked.
    /// </summary>
    public IList<string> AuthorityRoles { get; } = [];

    /// <summary>BANT need: the need answer must be present and not a no (no, none, n/a, not sure). Default false.</summary>
    public bool RequireNeed { get; set; }

    /// <summary>
    /// BANT timeline: the timeline answer must be at most this many months away (see <see cref="TimelineMonths"/>;
    /// an answer that names no time fails). 0 (the default): not checked.
    /// </summary>
    public int MaximumTimelineMonths { get; set; }

    /// <summary>The contact's country must be one of these (as the source sends it: ISO codes or names, any case). Empty: any.</summary>
    public IList<string> Countries { get; } = [];

    /// <summary>An e-mail at a consumer provider (gmail.com, outlook.com…, see <see cref="FreeMailDomains"/>) is not sales-ready.</summary>
    public bool ExcludeFreeMail { get; set; }

    /// <summary>True when any rule with a value is set (they count with <see cref="RequiredFields"/> in mode Any).</summary>
    [JsonIgnore]
    public bool HasValueRules => MinimumBudget > 0 || AuthorityRoles.Count > 0 || RequireNeed || MaximumTimelineMonths > 0
        || Countries.Count > 0 || ExcludeFreeMail;

    /// <summary>The fields <see cref="RequiredFields"/> may name.</summary>
    public static IReadOnlyList<string> KnownFields { get; } =
    [
        "email", "phone", "company", "title", "country", "firstName", "lastName", "score",
        "budget", "authority", "need", "timeline",
    ];
}

namespace LeadSync.Core.Intake;

/// <summary>
/// The drafts one delivery carries (a HubSpot batch holds many; most sources one), or the rejection explaining
/// why the payload cannot become a lead.
/// </summary>
public sealed record ParseResult(IReadOnlyList<LeadDraft> Drafts, Rejection? Rejection)
{
    public static ParseResult Ok(LeadDraft draft) => new([draft], null);

    public static ParseResult Ok(IReadOnlyList<LeadDraft> drafts) => new(drafts, null);

    public static ParseResult Fail(RejectionKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new([], new Rejection(kind, detail, errors));
}

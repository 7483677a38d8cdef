namespace LeadSync.Core.Intake;

/// <summary>Filing's verdict: accepted (the leads created or found again) or rejected with a reason.</summary>
public sealed record IntakeResult : IntakeVerdict<AcceptedLead>
{
    private IntakeResult(IReadOnlyList<AcceptedLead> leads, Rejection? rejection)
        : base(leads, rejection)
    {
    }

    public bool IsAccepted => Passed;

    public static IntakeResult Accepted(IReadOnlyList<AcceptedLead> leads) => new(leads, null);

    public static IntakeResult Rejected(RejectionKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new([], new Rejection(kind, detail, errors));
}

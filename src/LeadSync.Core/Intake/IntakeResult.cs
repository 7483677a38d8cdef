namespace LeadSync.Core.Intake;

/// <summary>Accepted (202 with the lead ids) or rejected with a reason.</summary>
public sealed record IntakeResult
{
    private IntakeResult(IReadOnlyList<AcceptedLead> leads, Rejection? rejection)
    {
        Leads = leads;
        Rejection = rejection;
    }

    /// <summary>One entry per lead the delivery carried, in delivery order.</summary>
    public IReadOnlyList<AcceptedLead> Leads { get; }

    public Rejection? Rejection { get; }

    public bool IsAccepted => Rejection is null;

    public static IntakeResult Accepted(IReadOnlyList<AcceptedLead> leads) => new(leads, null);

    public static IntakeResult Rejected(RejectionKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new([], new Rejection(kind, detail, errors));
}

namespace LeadSync.Core.Intake;

/// <summary>What intake says about one delivery: its leads (in delivery order) when it passed, or why it was rejected.</summary>
public abstract record IntakeVerdict<TLead>
{
    protected IntakeVerdict(IReadOnlyList<TLead> leads, Rejection? rejection)
    {
        Leads = leads;
        Rejection = rejection;
    }

    /// <summary>One entry per lead the delivery carried, in delivery order; empty when rejected.</summary>
    public IReadOnlyList<TLead> Leads { get; }

    public Rejection? Rejection { get; }

    public bool Passed => Rejection is null;
}

namespace LeadSync.Core.Intake;

/// <summary>
/// The request-path verdict on a delivery: rejected with a reason, or authentic and parseable, with the ids its leads
/// will be filed under (an e-mail that re-enters an earlier lead is filed under that lead instead; its timeline says so).
/// </summary>
public sealed record IntakeCheck : IntakeVerdict<string>
{
    private IntakeCheck(IReadOnlyList<string> leadIds, Rejection? rejection)
        : base(leadIds, rejection)
    {
    }

    public IReadOnlyList<string> LeadIds => Leads;

    /// <summary>
    /// The delivery without its credentials, as the check parsed it (null when rejected): what the inbox keeps, so the
    /// request path redacts once.
    /// </summary>
    public InboundWebhook? Redacted { get; private init; }

    public static IntakeCheck Passes(IReadOnlyList<string> leadIds, InboundWebhook redacted) => new(leadIds, null) { Redacted = redacted };

    public static IntakeCheck Rejected(RejectionKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new([], new Rejection(kind, detail, errors));
}

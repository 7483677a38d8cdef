namespace LeadSync.Web.Admin;

/// <summary>The JSON shape of a lead with its timeline.</summary>
public sealed record LeadView(
    string Id,
    string Source,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset StatusChangedAt,
    ContactDetails Contact,
    int? Score,
    string? Campaign,
    string? Owner,
    string? CrmId,
    DateTimeOffset? SyncedAt,
    DateTimeOffset? SlaDueAt,
    int EscalationLevel,
    DateTimeOffset? FirstTouchAt,
    int? BusinessMinutesToFirstTouch,
    bool? SlaMet,
    DateTimeOffset? BreachMarkedAt,
    int HighestLevelReached,
    int ContactAttempts,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? LadderPausedUntil,
    bool FollowUpMissed,
    int RecycleCount,
    string? RecycleReason,
    int ReEngagedCount,
    string? CloseReason,
    bool IsTest,
    ConsentFlags? Consent,
    BantAnswers? Bant,
    MarketingTouch? Touch,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Decided follow-up cadence checkpoints of the cycle, in order: <c>M</c> met, <c>X</c> missed; null while none is.</summary>
    public string? CadenceOutcomes { get; init; }

    /// <summary>The latest sales attempt counted for the cadence.</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>Marketing and sales touches, oldest first (see <see cref="LeadTouchView"/>).</summary>
    public IReadOnlyList<LeadTouchView> Touches { get; init; } = [];

    /// <summary>The record in the CRM's own user interface; null for the sandbox, before the sync, or without the setting it needs.</summary>
    public Uri? CrmUrl { get; init; }

    public static LeadView From(Lead lead, IReadOnlyList<TimelineEntry> timeline)
    {
        return new LeadView(lead.Id, lead.Source, lead.Status.ToString(), lead.ReceivedAt, lead.StatusChangedAt, lead.Contact, lead.Score,
            lead.Campaign, lead.Owner, lead.CrmId, lead.SyncedAt, lead.SlaDueAt, lead.EscalationLevel, lead.FirstTouchAt,
            lead.BusinessMinutesToFirstTouch, lead.SlaMet, lead.BreachMarkedAt, lead.EscalationLevel, lead.ContactAttempts, lead.AcknowledgedBy,
            lead.AcknowledgedAt, lead.LadderPausedUntil, lead.FollowUpMissed, lead.RecycleCount,
            lead.RecycleReason, lead.ReEngagedCount, lead.CloseReason, lead.IsTest, lead.Consent, lead.Bant, lead.Touch, timeline)
        {
            CadenceOutcomes = lead.CadenceOutcomes,
            LastAttemptAt = lead.LastAttemptAt,
        };
    }
}

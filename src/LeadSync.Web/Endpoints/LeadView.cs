using LeadSync.Core.Leads;

namespace LeadSync.Web.Endpoints;

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
    int RecycleCount,
    string? RecycleReason,
    bool IsTest,
    ConsentFlags? Consent,
    BantAnswers? Bant,
    MarketingTouch? Touch,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public static LeadView From(Lead lead, IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new LeadView(lead.Id, lead.Source, lead.Status.ToString(), lead.ReceivedAt, lead.StatusChangedAt, lead.Contact, lead.Score,
            lead.Campaign, lead.Owner, lead.CrmId, lead.SyncedAt, lead.SlaDueAt, lead.EscalationLevel, lead.FirstTouchAt, lead.RecycleCount,
            lead.RecycleReason, lead.IsTest, lead.Consent, lead.Bant, lead.Touch, timeline);
    }
}

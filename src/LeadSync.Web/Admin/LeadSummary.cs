namespace LeadSync.Web.Admin;

/// <summary>A lead as listed by the admin search (no contact details beyond the company; open the lead for those).</summary>
public sealed record LeadSummary(
    string Id,
    string Source,
    string Status,
    DateTimeOffset ReceivedAt,
    string? Company,
    int? Score,
    string? Owner,
    DateTimeOffset? SlaDueAt,
    int EscalationLevel,
    DateTimeOffset? FirstTouchAt)
{
    public static LeadSummary From(Lead lead)
    {
        return new LeadSummary(lead.Id, lead.Source, lead.Status.ToString(), lead.ReceivedAt, lead.Contact.Company, lead.Score, lead.Owner,
            lead.SlaDueAt, lead.EscalationLevel, lead.FirstTouchAt);
    }
}
